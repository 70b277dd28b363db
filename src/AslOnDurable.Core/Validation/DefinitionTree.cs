using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Validation;

/// <summary>Walks a definition and its nested state machines (Parallel branches, Map item processors) in document order.</summary>
internal static class DefinitionTree
{
    /// <summary>The definition and every nested state machine, parents first.</summary>
    public static IEnumerable<StateMachineDefinition> Machines(StateMachineDefinition root)
    {
        yield return root;
        foreach (var name in root.StateNames)
        {
            foreach (var child in Children(root.States[name]))
            {
                foreach (var machine in Machines(child))
                {
                    yield return machine;
                }
            }
        }
    }

    /// <summary>Every state of the definition and its nested state machines, with the machine that owns it.</summary>
    public static IEnumerable<(StateMachineDefinition Machine, StateDefinition State)> States(StateMachineDefinition root) =>
        Machines(root).SelectMany(m => m.StateNames.Select(n => (m, m.States[n])));

    /// <summary>The state machines nested directly in a state.</summary>
    public static IEnumerable<StateMachineDefinition> Children(StateDefinition state) => state switch
    {
        ParallelState parallel => parallel.Branches,
        MapState map => [map.ItemProcessor],
        _ => [],
    };
}
