using System.Text.RegularExpressions;
using AslOnDurable.Core.Errors;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// <see cref="IJsonataEvaluator"/> over the project's JSONata library (Step Functions mode: no <c>$eval</c>, plus
/// AWS's <c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>, <c>$uuid</c> and <c>$parse</c>).
/// Stateless: one instance serves every plan.
/// </summary>
public sealed partial class JsonataLibraryEvaluator : IJsonataEvaluator
{
    /// <inheritdoc/>
    public IJsonataExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            var compiled = JsonataExpression.Compile(expression);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in VariableReference().Matches(expression))
            {
                var name = match.Groups[1].Value;
                if (name != "states")
                {
                    names.Add(name);
                }
            }

            var usesStates = expression.Contains("$states", StringComparison.Ordinal);
            var usesContext = usesStates && (expression.Contains("$states.context", StringComparison.Ordinal) || WholeStates().IsMatch(expression));
            return new JsonataLibraryExpression(compiled, [.. names], usesStates, usesContext);
        }
        catch (JsonataException e)
        {
            throw new AslErrorException(StatesErrorNames.QueryEvaluationError, $"{e.Code}: {e.Message}");
        }
    }

    [GeneratedRegex(@"\$states(?!\s*\.\s*(input|result|errorOutput)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex WholeStates();

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex VariableReference();
}
