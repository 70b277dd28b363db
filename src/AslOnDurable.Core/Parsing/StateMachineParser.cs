using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>
/// Parses a state machine object (the top level, a Parallel branch or a Map item processor) and its states,
/// reporting shape problems as it goes. The result may be partial when there are errors; it only feeds
/// further checks then.
/// </summary>
/// <remarks>
/// AWS resolves the query language of a nested state from the top-level <c>QueryLanguage</c> only: a Map or
/// Parallel state's own <c>QueryLanguage</c> does not flow into its branches, and nested definitions cannot
/// declare one.
/// </remarks>
internal sealed class StateMachineParser
{
    private readonly DiagnosticBag _diagnostics;
    private readonly StateParser _states;

    /// <summary>Creates a parser that reports into <paramref name="diagnostics"/>.</summary>
    public StateMachineParser(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _states = new StateParser(this, diagnostics);
    }

    /// <summary>The top-level query language (set by <see cref="ParseRoot"/>).</summary>
    public QueryLanguage MachineLanguage { get; private set; } = QueryLanguage.JSONPath;

    /// <summary>Parses the top-level definition.</summary>
    public StateMachineDefinition? ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The definition must be a JSON object", "");
            return null;
        }

        if (root.TryGetProperty("QueryLanguage", out var declared))
        {
            MachineLanguage = ReadQueryLanguage(declared, "/QueryLanguage") ?? QueryLanguage.JSONPath;
        }

        var reader = new FieldReader(root, "", MachineLanguage, _diagnostics);
        reader.Skip("QueryLanguage");
        var version = reader.String("Version");
        if (version is not null && version != "1.0")
        {
            _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"Value of 'Version' must be '1.0', not '{version}'", "/Version");
        }

        var timeout = reader.Integer("TimeoutSeconds");
        var definition = ParseBody(reader);
        reader.ReportUnsupported();
        return definition with { Version = version, TimeoutSeconds = timeout };
    }

    /// <summary>Parses a nested definition (a Parallel branch, or a Map's ItemProcessor or Iterator).</summary>
    /// <param name="element">The definition object.</param>
    /// <param name="location">Its JSON Pointer.</param>
    /// <param name="allowProcessorConfig">Whether <c>ProcessorConfig</c> is allowed (ItemProcessor and legacy Iterator); the caller reads it.</param>
    public StateMachineDefinition? ParseNested(JsonElement element, string location, bool allowProcessorConfig)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "A nested state machine must be a JSON object", location);
            return null;
        }

        var reader = new FieldReader(element, location, MachineLanguage, _diagnostics);
        if (allowProcessorConfig)
        {
            reader.Skip("ProcessorConfig");
        }

        var definition = ParseBody(reader);
        reader.ReportUnsupported();
        return definition;
    }

    /// <summary>Reads a <c>QueryLanguage</c> value, reporting values other than JSONPath and JSONata.</summary>
    public QueryLanguage? ReadQueryLanguage(JsonElement value, string pointer)
    {
        switch (value.ValueKind == JsonValueKind.String ? value.GetString() : null)
        {
            case "JSONPath":
                return QueryLanguage.JSONPath;
            case "JSONata":
                return QueryLanguage.JSONata;
            default:
                _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'QueryLanguage' must be one of [JSONPath, JSONata]", pointer);
                return null;
        }
    }

    private StateMachineDefinition ParseBody(FieldReader reader)
    {
        reader.Require("StartAt", "States");
        var startAt = reader.Name("StartAt") ?? "";
        var comment = reader.String("Comment");
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        var names = ImmutableArray.CreateBuilder<string>();
        if (reader.Field("States", out var statesElement))
        {
            var statesPointer = reader.Pointer("States");
            if (statesElement.ValueKind != JsonValueKind.Object)
            {
                reader.TypeError("States", "an object");
            }
            else
            {
                foreach (var property in statesElement.EnumerateObject())
                {
                    var location = JsonPointer.Append(statesPointer, property.Name);
                    if (states.ContainsKey(property.Name))
                    {
                        _diagnostics.Error(DiagnosticCodes.DuplicateStateName, $"Duplicate State name: {property.Name}", location);
                        continue;
                    }

                    var state = _states.Parse(property.Name, property.Value, location, MachineLanguage);
                    states.Add(property.Name, state);
                    names.Add(property.Name);
                }

                if (names.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "'States' must contain at least one state", statesPointer);
                }
            }
        }

        return new StateMachineDefinition
        {
            StartAt = startAt,
            States = states.ToFrozenDictionary(StringComparer.Ordinal),
            StateNames = names.ToImmutable(),
            Comment = comment,
            QueryLanguage = MachineLanguage,
            Location = reader.Location,
        };
    }
}
