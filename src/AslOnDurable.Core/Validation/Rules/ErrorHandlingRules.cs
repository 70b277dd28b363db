using System.Collections.Immutable;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks <c>Retry</c> and <c>Catch</c>: <c>States.ALL</c> alone in its <c>ErrorEquals</c> and only in the last
/// retrier or catcher, and the retrier field ranges AWS enforces.
/// </summary>
internal sealed class ErrorHandlingRules : IValidationRule
{
    /// <summary>AWS's upper bound for MaxAttempts and IntervalSeconds.</summary>
    public const int MaxCount = 99_999_999;

    /// <summary>AWS's upper bound for MaxDelaySeconds (366 days).</summary>
    public const int MaxDelay = 31_622_400;

    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            var retriers = StateTransitions.Retriers(state);
            var retryPointer = JsonPointer.Append(state.Location, "Retry");
            for (var i = 0; i < retriers.Count; i++)
            {
                var retrier = retriers[i];
                var pointer = JsonPointer.Append(retryPointer, i);
                CheckErrorEquals(retrier.ErrorEquals, pointer, i == retriers.Count - 1, "retrier", diagnostics);
                CheckRange(retrier.MaxAttempts, 0, MaxCount, "MaxAttempts", pointer, diagnostics);
                CheckRange(retrier.IntervalSeconds, 1, MaxCount, "IntervalSeconds", pointer, diagnostics);
                if (retrier.MaxDelaySeconds is { } delay)
                {
                    CheckRange(delay, 1, MaxDelay, "MaxDelaySeconds", pointer, diagnostics);
                }

                if (retrier.BackoffRate < 1.0)
                {
                    diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'BackoffRate' must be at least 1.0", JsonPointer.Append(pointer, "BackoffRate"));
                }
            }

            var catchers = StateTransitions.Catchers(state);
            var catchPointer = JsonPointer.Append(state.Location, "Catch");
            for (var i = 0; i < catchers.Count; i++)
            {
                CheckErrorEquals(catchers[i].ErrorEquals, JsonPointer.Append(catchPointer, i), i == catchers.Count - 1, "catcher", diagnostics);
            }
        }
    }

    private static void CheckErrorEquals(ImmutableArray<string> errors, string pointer, bool isLast, string kind, DiagnosticBag diagnostics)
    {
        if (!errors.Contains(StatesErrorNames.All))
        {
            return;
        }

        if (errors.Length > 1)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"'{StatesErrorNames.All}' must appear alone in 'ErrorEquals'", JsonPointer.Append(pointer, "ErrorEquals"));
        }

        if (!isLast)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"A {kind} with '{StatesErrorNames.All}' must be the last one", pointer);
        }
    }

    private static void CheckRange(int value, int min, int max, string field, string pointer, DiagnosticBag diagnostics)
    {
        if (value < min || value > max)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value of field '{field}' must be between {min} and {max}", JsonPointer.Append(pointer, field));
        }
    }
}
