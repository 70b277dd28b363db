using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// A redriven Parallel or inline Map attempt's view of what the failed attempt left (<see cref="RedriveTrees"/>): the
/// outputs of the branches/iterations that succeeded, placed without running them, and where each unsuccessful one
/// continues (its state, that state's input, its own variables and, when that state is a Parallel/Map, the same one
/// level down). Everything comes from the checkpoint in the execution's input: replay-safe.
/// </summary>
internal sealed class ChildRedrive
{
    private readonly JsonObject? kept;
    private readonly JsonObject? resume;

    private ChildRedrive(JsonObject tree)
    {
        kept = tree[RedriveTrees.Kept] as JsonObject;
        resume = tree[RedriveTrees.Resume] as JsonObject;
    }

    /// <summary>The redrive view for this attempt of <paramref name="stateName"/>, or <see langword="null"/> (not a redrive's first attempt).</summary>
    public static ChildRedrive? Take(ExecutionFrame frame, string stateName) =>
        frame.TakeRedrive(stateName) is { } tree ? new ChildRedrive(tree) : null;

    /// <summary>Takes the output kept for child <paramref name="index"/>, if it succeeded before.</summary>
    /// <param name="index">The branch or iteration index.</param>
    /// <param name="outcome">The succeeded outcome with the kept output (owned by the caller).</param>
    /// <returns>Whether the child is kept (then it is not run).</returns>
    public bool TryTakeKept(int index, out BranchOutcome outcome)
    {
        var key = Key(index);
        if (kept is null || !kept.TryGetPropertyValue(key, out var output))
        {
            outcome = default;
            return false;
        }

        kept.Remove(key);
        outcome = new BranchOutcome(ExecutionStatus.Succeeded, output, null);
        return true;
    }

    /// <summary>
    /// Runs child <paramref name="index"/> in <paramref name="child"/>: from the state where it stopped, with that state's
    /// input and its variables, when the failed attempt had entered one; else from its start with <paramref name="input"/>.
    /// </summary>
    public ValueTask<BranchOutcome> RunAsync(ExecutionFrame child, int index, JsonNode? input)
    {
        if (resume?[Key(index)] is not JsonObject entry
            || entry[RedriveTrees.State]?.GetValue<string>() is not { } state
            || !child.Plan.Indexes.TryGetValue(state, out var startIndex))
        {
            return Interpreter.RunFrameAsync(child, input);
        }

        if (entry[RedriveTrees.Variables] is JsonObject variables)
        {
            child.Environment.Scope.Restore(variables);
        }

        if (entry[RedriveTrees.Children] is JsonObject children)
        {
            entry.Remove(RedriveTrees.Children);
            child.ExpectRedrive(state, children);
        }

        var resumed = entry[RedriveTrees.Input];
        entry.Remove(RedriveTrees.Input);
        return Interpreter.RunFrameAsync(child, resumed, startIndex);
    }

    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);
}
