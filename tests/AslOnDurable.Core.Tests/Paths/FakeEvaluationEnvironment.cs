using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Tests.Paths;

/// <summary>A deterministic environment for path, template and intrinsic tests.</summary>
internal sealed class FakeEvaluationEnvironment : IEvaluationEnvironment
{
    private readonly Dictionary<string, JsonNode?> variables = new(StringComparer.Ordinal);
    private readonly Queue<Guid> uuids = new();
    private readonly Queue<double> randoms = new();

    public JsonNode? ContextObject { get; init; }

    public FakeEvaluationEnvironment WithVariable(string name, JsonNode? value)
    {
        variables[name] = value;
        return this;
    }

    public FakeEvaluationEnvironment WithUuid(Guid uuid)
    {
        uuids.Enqueue(uuid);
        return this;
    }

    public FakeEvaluationEnvironment WithRandom(double value)
    {
        randoms.Enqueue(value);
        return this;
    }

    public bool TryGetVariable(string name, out JsonNode? value) => variables.TryGetValue(name, out value);

    public Guid NewUuid() => uuids.Dequeue();

    public double NextRandom() => randoms.Dequeue();
}
