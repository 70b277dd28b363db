using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks workflow variables: every <c>Assign</c> name is a valid identifier and not reserved (errors), and every
/// <c>$name</c> a JSONPath-mode path or template, or a JSONata-mode expression, reads is assigned by some state that
/// can run before it (a predecessor in the same state machine, or before the enclosing Parallel or Map state) (a
/// warning).
/// </summary>
/// <remarks>
/// AWS accepts a definition that reads a variable nothing assigns and fails the execution when the reference is
/// evaluated (the conformance cases <c>test_undefined_reference</c> record this for JSONata), so an unassigned
/// reference is a warning, not an error.
/// The scope analysis over-approximates (a loop counts as "before", and every Assign of a predecessor counts
/// on every transition), so it only flags references that can never be in scope. A state's own Assign is not
/// visible to the state itself, and variables assigned inside a branch are not visible outside it.
/// In JSONata expressions the variables are the expression's free variables
/// (<see cref="AslOnDurable.Jsonata.JsonataAnalysis.FreeVariables"/>): <c>$states</c>, names bound inside the
/// expression (<c>:=</c>, lambda parameters) and functions (JSONata's built-ins and AWS's <c>$partition</c>,
/// <c>$range</c>, <c>$hash</c>, <c>$random</c>, <c>$uuid</c>, <c>$parse</c>) are not workflow variables.
/// </remarks>
internal sealed partial class VariableRules : IValidationRule
{
    /// <summary>The name JSONata reserves for the state's data (<c>$states</c>).</summary>
    public const string ReservedName = "states";

    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            foreach (var (assign, pointer) in Assigns(state))
            {
                foreach (var (key, _) in assign)
                {
                    var name = VariableName(key, state.QueryLanguage);
                    if (!IsValidName(name))
                    {
                        diagnostics.Error(DiagnosticCodes.InvalidVariableName, $"Invalid variable name '{name}': it must start with a letter or '_' and contain only letters, digits and '_'", JsonPointer.Append(pointer, key));
                    }
                    else if (name == ReservedName)
                    {
                        diagnostics.Error(DiagnosticCodes.InvalidVariableName, $"The variable name '{ReservedName}' is reserved", JsonPointer.Append(pointer, key));
                    }
                }
            }
        }

        CheckMachine(root, [], diagnostics);
    }

    /// <summary>The variable names a JSONPath text reads (outside quoted literals).</summary>
    internal static IEnumerable<string> References(string text)
    {
        var unquoted = QuotedLiteral().Replace(text, "''");
        foreach (Match match in VariableReference().Matches(unquoted))
        {
            yield return match.Groups[1].Value;
        }
    }

    private static string VariableName(string key, QueryLanguage language) =>
        language == QueryLanguage.JSONPath && key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;

    private static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static IEnumerable<(JsonObject Assign, string Pointer)> Assigns(StateDefinition state)
    {
        if (state.Assign is { } own)
        {
            yield return (own, JsonPointer.Append(state.Location, "Assign"));
        }

        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Length; i++)
            {
                if (choice.Choices[i].Assign is { } ruleAssign)
                {
                    yield return (ruleAssign, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(state.Location, "Choices"), i), "Assign"));
                }
            }
        }

        var catchers = StateTransitions.Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
        {
            if (catchers[i].Assign is { } catchAssign)
            {
                yield return (catchAssign, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(state.Location, "Catch"), i), "Assign"));
            }
        }
    }

    private static IEnumerable<string> Names(JsonObject? assign, QueryLanguage language) =>
        assign is null ? [] : assign.Select(p => VariableName(p.Key, language));

    private static void CheckMachine(StateMachineDefinition machine, HashSet<string> outer, DiagnosticBag diagnostics)
    {
        var visible = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in machine.StateNames)
        {
            visible[name] = [.. outer];
        }

        var pending = new Queue<string>();
        if (machine.States.ContainsKey(machine.StartAt))
        {
            pending.Enqueue(machine.StartAt);
        }

        var queued = new HashSet<string>(pending, StringComparer.Ordinal);
        while (pending.TryDequeue(out var current))
        {
            queued.Remove(current);
            var state = machine.States[current];
            foreach (var transition in StateTransitions.Of(state))
            {
                if (!visible.TryGetValue(transition.Target, out var target))
                {
                    continue;
                }

                var before = target.Count;
                target.UnionWith(visible[current]);
                if (!transition.IsCatch)
                {
                    target.UnionWith(Names(state.Assign, state.QueryLanguage));
                }

                target.UnionWith(Names(transition.Assign, state.QueryLanguage));
                if (target.Count != before && queued.Add(transition.Target))
                {
                    pending.Enqueue(transition.Target);
                }
            }
        }

        foreach (var name in machine.StateNames)
        {
            var state = machine.States[name];
            var inScope = visible[name];
            foreach (var (variable, pointer) in ReferencedVariables(state))
            {
                if (!inScope.Contains(variable))
                {
                    diagnostics.Warning(DiagnosticCodes.UndefinedVariable, $"The variable '${variable}' is not assigned by any state that can run before this one", pointer);
                }
            }

            foreach (var child in DefinitionTree.Children(state))
            {
                CheckMachine(child, inScope, diagnostics);
            }
        }
    }

    /// <summary>
    /// The variables a state reads, with the field that reads each: <c>$name</c> in JSONPath paths and templates, and
    /// the free variables of JSONata expressions other than <c>$states</c> (functions, <c>:=</c> bindings and lambda
    /// parameters are not variables; an expression that does not compile is reported by <see cref="JsonataRules"/>).
    /// </summary>
    internal static IEnumerable<(string Name, string Pointer)> ReferencedVariables(StateDefinition state)
    {
        foreach (var (text, pointer) in ReferenceTexts(state))
        {
            foreach (var name in References(text))
            {
                yield return (name, pointer);
            }
        }

        foreach (var expression in JsonataFields.Expressions(state))
        {
            if (JsonataFields.Analyze(expression.Body) is not { } analysis)
            {
                continue;
            }

            foreach (var name in analysis.FreeVariables)
            {
                if (name != ReservedName)
                {
                    yield return (name, expression.Pointer);
                }
            }
        }
    }

    private static IEnumerable<(string Text, string Pointer)> ReferenceTexts(StateDefinition state)
    {
        foreach (var field in JsonPathFields.Paths(state))
        {
            yield return (field.Text, field.Pointer);
        }

        foreach (var template in JsonPathFields.Templates(state))
        {
            foreach (var reference in TemplateTexts(template.Template, template.Pointer))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<(string Text, string Pointer)> TemplateTexts(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var childPointer = JsonPointer.Append(pointer, key);
                    if (key.EndsWith(".$", StringComparison.Ordinal) && child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        yield return (text, childPointer);
                    }
                    else
                    {
                        foreach (var nested in TemplateTexts(child, childPointer))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var nested in TemplateTexts(array[i], JsonPointer.Append(pointer, i)))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"'(?:[^'\\]|\\.)*'")]
    private static partial Regex QuotedLiteral();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}_$])\$(?!\$)([\p{L}_][\p{L}\p{Nd}_]*)")]
    private static partial Regex VariableReference();
}
