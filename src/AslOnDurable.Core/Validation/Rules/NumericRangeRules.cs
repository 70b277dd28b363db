using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks the ranges of literal numbers: top-level and Task <c>TimeoutSeconds</c> and <c>HeartbeatSeconds</c>
/// (positive integers, heartbeat below timeout), Wait <c>Seconds</c> (a non-negative integer), Map
/// <c>MaxConcurrency</c> and <c>ToleratedFailureCount</c> (non-negative integers), <c>ToleratedFailurePercentage</c>
/// (0 to 100), and the ItemBatcher and ReaderConfig limits. JSONata expressions are checked at run time.
/// </summary>
internal sealed class NumericRangeRules : IValidationRule
{
    /// <summary>AWS's upper bound for second counts.</summary>
    public const long MaxSeconds = 99_999_999;

    /// <summary>AWS's upper bound for <c>ReaderConfig.MaxItems</c>.</summary>
    public const long MaxItems = 100_000_000;

    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        if (root.TimeoutSeconds is { } timeout and (< 1 or > (int)MaxSeconds))
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value of field 'TimeoutSeconds' must be an integer between 1 and {MaxSeconds}", "/TimeoutSeconds");
        }

        foreach (var (_, state) in DefinitionTree.States(root))
        {
            switch (state)
            {
                case TaskState task:
                    var t = Integer(task.TimeoutSeconds, 1, MaxSeconds, "TimeoutSeconds", state.Location, diagnostics);
                    var h = Integer(task.HeartbeatSeconds, 1, MaxSeconds, "HeartbeatSeconds", state.Location, diagnostics);
                    if (t is { } tv && h is { } hv && hv >= tv)
                    {
                        diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'", JsonPointer.Append(state.Location, "HeartbeatSeconds"));
                    }

                    break;
                case WaitState wait:
                    Integer(wait.Seconds, 0, MaxSeconds, "Seconds", state.Location, diagnostics);
                    break;
                case MapState map:
                    Integer(map.MaxConcurrency, 0, int.MaxValue, "MaxConcurrency", state.Location, diagnostics);
                    Integer(map.ToleratedFailureCount, 0, int.MaxValue, "ToleratedFailureCount", state.Location, diagnostics);
                    if (Literal(map.ToleratedFailurePercentage) is { } percentage && percentage is < 0 or > 100)
                    {
                        diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'ToleratedFailurePercentage' must be between 0 and 100", JsonPointer.Append(state.Location, "ToleratedFailurePercentage"));
                    }

                    if (map.ItemBatcher is { } batcher)
                    {
                        var at = JsonPointer.Append(state.Location, "ItemBatcher");
                        Integer(batcher.MaxItemsPerBatch, 1, int.MaxValue, "MaxItemsPerBatch", at, diagnostics);
                        Integer(batcher.MaxInputBytesPerBatch, 1, 262_144, "MaxInputBytesPerBatch", at, diagnostics);
                    }

                    if (map.ItemReader?.ReaderConfig is { } config && config.TryGetPropertyValue("MaxItems", out var maxItems))
                    {
                        Integer(maxItems, 0, MaxItems, "MaxItems", JsonPointer.Append(JsonPointer.Append(state.Location, "ItemReader"), "ReaderConfig"), diagnostics);
                    }

                    break;
            }
        }
    }

    private static double? Literal(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    private static double? Integer(JsonNode? node, long min, long max, string field, string owner, DiagnosticBag diagnostics)
    {
        if (Literal(node) is not { } number)
        {
            return null;
        }

        if (Math.Floor(number) != number || number < min || number > max)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value of field '{field}' must be an integer between {min} and {max}", JsonPointer.Append(owner, field));
        }

        return number;
    }
}
