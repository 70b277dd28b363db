using System.Collections.Frozen;

namespace AslOnDurable.Runtime.Integrations.DotNet;

/// <summary>The .NET task handlers a host has, by name (built once, read-only).</summary>
public sealed class DotNetHandlers
{
    private readonly FrozenDictionary<string, IAslTaskHandler> byName;

    /// <summary>Indexes handlers by name.</summary>
    /// <param name="handlers">The handlers.</param>
    /// <exception cref="IntegrationsConfigurationException">Two handlers share a name, or a name is empty.</exception>
    public DotNetHandlers(IEnumerable<IAslTaskHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        Dictionary<string, IAslTaskHandler> map = new(StringComparer.Ordinal);
        List<string> problems = [];
        foreach (IAslTaskHandler handler in handlers)
        {
            if (string.IsNullOrWhiteSpace(handler.Name))
            {
                problems.Add($"The handler {handler.GetType().FullName} has no name.");
            }
            else if (!map.TryAdd(handler.Name, handler))
            {
                problems.Add($"Two handlers are named '{handler.Name}': {map[handler.Name].GetType().FullName} and {handler.GetType().FullName}.");
            }
        }

        byName = problems.Count == 0 ? map.ToFrozenDictionary(StringComparer.Ordinal) : throw new IntegrationsConfigurationException(problems);
    }

    /// <summary>No handlers.</summary>
    public static DotNetHandlers None { get; } = new([]);

    /// <summary>The handlers' names.</summary>
    public IEnumerable<string> Names => byName.Keys;

    /// <summary>Finds a handler.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>Whether there is one.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IAslTaskHandler? handler) => byName.TryGetValue(name, out handler);
}
