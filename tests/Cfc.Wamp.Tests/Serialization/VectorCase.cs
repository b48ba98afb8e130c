using Xunit.Abstractions;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>
/// A theory argument that names one vector case. xUnit shortens string arguments in test names to 50 characters;
/// an argument with its own <see cref="ToString"/> is shown whole, so every case gets a readable, unique name.
/// </summary>
public sealed class VectorCase : IXunitSerializable
{
    public VectorCase()
    {
        Name = string.Empty;
    }

    public VectorCase(string name) => Name = name;

    public string Name { get; private set; }

    public void Deserialize(IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

    public override string ToString() => Name;

    public static TheoryData<VectorCase> All(IEnumerable<string> names)
    {
        var data = new TheoryData<VectorCase>();
        foreach (string name in names)
        {
            data.Add(new VectorCase(name));
        }

        return data;
    }
}
