using System.Globalization;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>Checks of request fields, with the API reference's error names and AWS's message shapes.</summary>
internal static class RequestFields
{
    /// <summary>AWS's longest name (state machines, executions, activities).</summary>
    public const int MaxNameLength = 80;

    /// <summary>A required string field.</summary>
    public static string Required(string? value, string field, int maxLength = int.MaxValue)
    {
        if (value is null)
        {
            throw ApiException.Validation(field, null, "Member must not be null");
        }

        return Length(value, field, maxLength)!;
    }

    /// <summary>An optional string field's length.</summary>
    public static string? Length(string? value, string field, int maxLength)
    {
        if (value is not null && (value.Length > maxLength || value.Length == 0))
        {
            throw ApiException.Validation(
                field, value.Length > 200 ? null : value,
                value.Length == 0 ? "Member must have length greater than or equal to 1"
                    : string.Create(CultureInfo.InvariantCulture, $"Member must have length less than or equal to {maxLength}"));
        }

        return value;
    }

    /// <summary>A required ARN field: present, at most 256 characters.</summary>
    public static string Arn(string? value, string field) => Required(value, field, 256);

    /// <summary>
    /// A resource name: 1-80 characters without whitespace, brackets, wildcards, control characters or
    /// <c>" # % \ ^ | ~ ` $ &amp; , ; : /</c> (AWS's rules); else <c>InvalidName</c>.
    /// </summary>
    public static string Name(string value)
    {
        bool valid = value.Length is > 0 and <= MaxNameLength
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal));
        return valid ? value : throw new ApiException(ApiErrorTypes.InvalidName, $"Invalid Name: '{value}'");
    }

    /// <summary>A field with a closed set of values.</summary>
    public static string Enum(string? value, string field, string fallback, params string[] allowed)
    {
        if (value is null)
        {
            return fallback;
        }

        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw ApiException.Validation(field, value, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }
}
