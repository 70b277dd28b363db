using System.Collections.Frozen;
using AslOnDurable.Core.Model;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled state machine (top level, Parallel branch or Map item processor): states by index.</summary>
internal sealed class StateMachinePlan
{
    /// <summary>Creates the plan shell; <see cref="States"/> is filled by the compiler.</summary>
    public StateMachinePlan(StateMachineDefinition definition, FrozenDictionary<string, int> indexes)
    {
        Definition = definition;
        Indexes = indexes;
        StartIndex = indexes[definition.StartAt];
        States = new StatePlan[indexes.Count];
    }

    /// <summary>The definition it was compiled from.</summary>
    public StateMachineDefinition Definition { get; }

    /// <summary>State name to index.</summary>
    public FrozenDictionary<string, int> Indexes { get; }

    /// <summary>The index of <c>StartAt</c>.</summary>
    public int StartIndex { get; }

    /// <summary>The compiled states, by index (document order).</summary>
    public StatePlan[] States { get; }
}
