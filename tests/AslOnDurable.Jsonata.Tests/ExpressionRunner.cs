namespace AslOnDurable.Jsonata.Tests;

/// <summary>Compiles and evaluates an expression, returning the result as JSON text.</summary>
internal static class ExpressionRunner
{
    public static string Run(string expression, string? inputJson = null, JsonataEnvironment? environment = null)
    {
        var input = inputJson is null ? JsonataValue.Undefined : JsonataValue.Parse(inputJson);
        return JsonataExpression.Compile(expression).Evaluate(input, null, environment).ToJsonString();
    }

    public static JsonataException Fails(string expression, string? inputJson = null, JsonataEnvironment? environment = null) =>
        Assert.Throws<JsonataException>(() => Run(expression, inputJson, environment));
}
