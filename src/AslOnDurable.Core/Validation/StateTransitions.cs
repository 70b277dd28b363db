using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation;

/// <summary>Lists the transitions of states.</summary>
internal static class StateTransitions
{
    /// <summary>The transitions of a state, in document order (Next, Choices, Default, Catch).</summary>
    public static IEnumerable<StateTransition> Of(StateDefinition state)
    {
        if (state.Next is { } next)
        {
            yield return new StateTransition(next, JsonPointer.Append(state.Location, "Next"), null, false);
        }

        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Length; i++)
            {
                var rule = choice.Choices[i];
                yield return new StateTransition(rule.Next, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(state.Location, "Choices"), i), "Next"), rule.Assign, false);
            }

            if (choice.Default is { } fallback)
            {
                yield return new StateTransition(fallback, JsonPointer.Append(state.Location, "Default"), null, false);
            }
        }

        var catchers = Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
        {
            yield return new StateTransition(catchers[i].Next, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(state.Location, "Catch"), i), "Next"), catchers[i].Assign, true);
        }
    }

    /// <summary>The catchers of a state (empty for states without <c>Catch</c>).</summary>
    public static IReadOnlyList<Catcher> Catchers(StateDefinition state) => state switch
    {
        TaskState task => task.Catch,
        ParallelState parallel => parallel.Catch,
        MapState map => map.Catch,
        _ => [],
    };

    /// <summary>The retriers of a state (empty for states without <c>Retry</c>).</summary>
    public static IReadOnlyList<Retrier> Retriers(StateDefinition state) => state switch
    {
        TaskState task => task.Retry,
        ParallelState parallel => parallel.Retry,
        MapState map => map.Retry,
        _ => [],
    };

    /// <summary>Whether the state ends its state machine (Succeed, Fail or <c>"End": true</c>).</summary>
    public static bool IsTerminal(StateDefinition state) => state is SucceedState or FailState || state.End;
}
