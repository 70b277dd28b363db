using AslOnDurable.Core.Model;
using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Validation;

/// <summary>
/// The workflow variables each state reads, as the Step Functions API reports them (<c>variableReferences</c> of
/// DescribeStateMachine and DescribeStateMachineForExecution): state name → the names of the variables the state
/// references, without the <c>$</c>, each once (in the order the validator walks the state's fields).
/// </summary>
/// <remarks>
/// The references are those the validator checks (<see cref="VariableRules"/>): <c>$name</c> in JSONPath paths,
/// templates and intrinsic functions, and the free variables of JSONata expressions other than <c>$states</c>
/// (functions, <c>:=</c> bindings and lambda parameters are not workflow variables). States of Parallel branches and
/// Map item processors are included by their names; a state that reads no variable is left out.
/// </remarks>
public static class VariableReferences
{
    /// <summary>Collects the variables every state of <paramref name="definition"/> and its nested state machines reads.</summary>
    /// <param name="definition">A parsed definition.</param>
    /// <returns>State name → variable names; empty when no state reads a variable.</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(StateMachineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (_, state) in DefinitionTree.States(definition))
        {
            List<string>? names = null;
            foreach (var (name, _) in VariableRules.ReferencedVariables(state))
            {
                names ??= result.TryGetValue(state.Name, out var earlier) ? [.. earlier] : [];
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }

            if (names is not null)
            {
                result[state.Name] = names;
            }
        }

        return result;
    }
}
