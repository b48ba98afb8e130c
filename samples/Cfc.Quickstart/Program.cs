using Cfc.Quickstart;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await QuickstartApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
