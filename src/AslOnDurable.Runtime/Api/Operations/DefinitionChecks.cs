using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>The checks CreateStateMachine and UpdateStateMachine share: definition, role ARN, configurations.</summary>
internal static class DefinitionChecks
{
    /// <summary>AWS's largest definition, in characters.</summary>
    public const int MaxDefinitionLength = 1_048_576;

    /// <summary>Refuses a definition with errors: <c>InvalidDefinition</c> listing every error as AWS words them.</summary>
    /// <param name="definition">The definition text.</param>
    /// <returns>The definition.</returns>
    public static string Definition(string? definition)
    {
        string text = RequestFields.Required(definition, "definition", MaxDefinitionLength);
        Diagnostic[] errors = [.. DefinitionParser.Parse(text).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
        if (errors.Length > 0)
        {
            throw new ApiException(
                ApiErrorTypes.InvalidDefinition,
                "Invalid State Machine Definition: '" + string.Join(", ", errors.Select(e => $"{e.Code}: {e.Message} at {e.Location}")) + "'");
        }

        return text;
    }

    /// <summary>A role ARN: <c>arn:partition:iam::account:role/…</c>, else <c>InvalidArn</c>.</summary>
    /// <param name="roleArn">The role ARN.</param>
    /// <returns>The role ARN.</returns>
    public static string RoleArn(string? roleArn)
    {
        string text = RequestFields.Required(roleArn, "roleArn", 256);
        string[] parts = text.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[5].StartsWith("role/", StringComparison.Ordinal)
            ? text
            : throw new ApiException(ApiErrorTypes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {text}'");
    }

    /// <summary>A logging configuration: level ALL, ERROR, FATAL or OFF; levels other than OFF need a destination.</summary>
    /// <param name="logging">The configuration, or <c>null</c>.</param>
    /// <returns>The configuration.</returns>
    public static Contracts.LoggingConfiguration? Logging(Contracts.LoggingConfiguration? logging)
    {
        if (logging is null)
        {
            return null;
        }

        string level = RequestFields.Enum(logging.Level, "loggingConfiguration.level", "OFF", "ALL", "ERROR", "FATAL", "OFF");
        if (level != "OFF" && (logging.Destinations is null || logging.Destinations.Count == 0))
        {
            throw new ApiException(ApiErrorTypes.InvalidLoggingConfiguration, "Invalid Logging Configuration: Must specify exactly one Log Destination.");
        }

        return logging with { Level = level, IncludeExecutionData = logging.IncludeExecutionData ?? false };
    }
}
