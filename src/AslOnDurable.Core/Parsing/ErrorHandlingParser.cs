using System.Collections.Immutable;
using System.Text.Json;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Parses a state's <c>Retry</c> and <c>Catch</c> arrays.</summary>
internal sealed class ErrorHandlingParser(DiagnosticBag diagnostics)
{
    /// <summary>Reads <c>Retry</c> (empty when absent).</summary>
    public ImmutableArray<Retrier> ParseRetry(FieldReader state) => ParseArray(state, "Retry", ParseRetrier);

    /// <summary>Reads <c>Catch</c> (empty when absent).</summary>
    public ImmutableArray<Catcher> ParseCatch(FieldReader state) => ParseArray(state, "Catch", ParseCatcher);

    private ImmutableArray<T> ParseArray<T>(FieldReader state, string name, Func<FieldReader, T> parse)
    {
        if (!state.Field(name, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            state.TypeError(name, "an array");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var pointer = JsonPointer.Append(state.Pointer(name), index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"Each entry of '{name}' must be an object", pointer);
                continue;
            }

            var reader = new FieldReader(element, pointer, state.Language, diagnostics);
            builder.Add(parse(reader));
            reader.ReportUnsupported();
        }

        return builder.ToImmutable();
    }

    private Retrier ParseRetrier(FieldReader reader)
    {
        reader.Require("ErrorEquals");
        var jitter = JitterStrategy.None;
        switch (reader.String("JitterStrategy"))
        {
            case null or "NONE":
                break;
            case "FULL":
                jitter = JitterStrategy.Full;
                break;
            default:
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'JitterStrategy' must be one of [FULL, NONE]", reader.Pointer("JitterStrategy"));
                break;
        }

        return new Retrier
        {
            ErrorEquals = ParseErrorEquals(reader),
            IntervalSeconds = reader.Integer("IntervalSeconds") ?? 1,
            MaxAttempts = reader.Integer("MaxAttempts") ?? 3,
            BackoffRate = reader.Number("BackoffRate") ?? 2.0,
            MaxDelaySeconds = reader.Integer("MaxDelaySeconds"),
            JitterStrategy = jitter,
            Comment = reader.String("Comment"),
        };
    }

    private Catcher ParseCatcher(FieldReader reader)
    {
        reader.Require("ErrorEquals", "Next");
        return new Catcher
        {
            ErrorEquals = ParseErrorEquals(reader),
            Next = reader.Name("Next") ?? "",
            ResultPath = reader.Path("ResultPath", "$", allowNull: true),
            Output = reader.JsonataNode("Output"),
            HasOutput = reader.HasJsonata("Output"),
            Assign = reader.Object("Assign"),
            Comment = reader.String("Comment"),
        };
    }

    private ImmutableArray<string> ParseErrorEquals(FieldReader reader)
    {
        if (!reader.Field("ErrorEquals", out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.TypeError("ErrorEquals", "an array of strings");
            return [];
        }

        if (array.GetArrayLength() == 0)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "'ErrorEquals' must contain at least one error name", reader.Pointer("ErrorEquals"));
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                builder.Add(element.GetString()!);
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "Each entry of 'ErrorEquals' must be a string", JsonPointer.Append(reader.Pointer("ErrorEquals"), index));
            }

            index++;
        }

        return builder.ToImmutable();
    }
}
