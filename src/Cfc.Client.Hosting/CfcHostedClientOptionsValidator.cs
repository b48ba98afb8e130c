using Microsoft.Extensions.Options;

namespace Cfc.Client.Hosting;

/// <summary>Checks every named <see cref="CfcHostedClientOptions"/> (at host start, via <c>ValidateOnStart</c>); messages name the configuration key.</summary>
internal sealed class CfcHostedClientOptionsValidator : IValidateOptions<CfcHostedClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CfcHostedClientOptions options)
    {
        List<string> problems = CfcHostedClientOptionsBuilder.Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
