using AslOnDurable.Core.Model;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks each state machine's graph: <c>StartAt</c>, <c>Next</c>, <c>Default</c> and Catch <c>Next</c> name states of
/// the same machine, some state is terminal, and every state is reachable from <c>StartAt</c>.
/// </summary>
/// <remarks>
/// AWS words a dangling target as <c>Missing 'Next' target: X</c> whatever the field, reports unreachable states
/// under the same code (<c>MISSING_TRANSITION_TARGET</c>), and skips the reachability walk when the machine has no
/// terminal state at all (<c>MISSING_END_STATE</c>). Targets never cross into or out of a branch.
/// </remarks>
internal sealed class TransitionRules : IValidationRule
{
    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var machine in DefinitionTree.Machines(root))
        {
            CheckMachine(machine, diagnostics);
        }
    }

    private static void CheckMachine(StateMachineDefinition machine, DiagnosticBag diagnostics)
    {
        if (machine.States.Count == 0)
        {
            return;
        }

        var startKnown = machine.States.ContainsKey(machine.StartAt);
        if (!startKnown && machine.StartAt.Length > 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {machine.StartAt}", JsonPointer.Append(machine.Location, "StartAt"));
        }

        foreach (var name in machine.StateNames)
        {
            foreach (var transition in StateTransitions.Of(machine.States[name]))
            {
                if (transition.Target.Length > 0 && !machine.States.ContainsKey(transition.Target))
                {
                    diagnostics.Error(DiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {transition.Target}", transition.Pointer);
                }
            }
        }

        if (!machine.States.Values.Any(StateTransitions.IsTerminal))
        {
            diagnostics.Error(DiagnosticCodes.MissingEndState, "Workflow has no terminal state", machine.Location);
            return;
        }

        if (!startKnown)
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { machine.StartAt };
        var pending = new Stack<string>([machine.StartAt]);
        while (pending.TryPop(out var current))
        {
            foreach (var transition in StateTransitions.Of(machine.States[current]))
            {
                if (machine.States.ContainsKey(transition.Target) && reached.Add(transition.Target))
                {
                    pending.Push(transition.Target);
                }
            }
        }

        foreach (var name in machine.StateNames)
        {
            if (!reached.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.MissingTransitionTarget, $"State \"{name}\" is not reachable.", machine.States[name].Location);
            }
        }
    }
}
