using System.Globalization;
using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>
/// AWS's rules for resource tags (state machines and activities): keys of 1-128 and values of 0-256 characters made of
/// letters, digits, spaces and <c>_ . : / = + - @</c>, at most 50 tags per resource (<c>TooManyTags</c>); a tag with a key
/// the resource has replaces its value.
/// </summary>
internal static class TagRules
{
    /// <summary>AWS's most tags on one resource.</summary>
    public const int MaxTags = 50;

    /// <summary>AWS's longest key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>AWS's longest value.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Checks tags given in a request and merges them into a resource's tags.</summary>
    /// <param name="existing">The resource's tags.</param>
    /// <param name="added">The tags of the request, or <c>null</c>.</param>
    /// <param name="field">The request field (<c>tags</c>).</param>
    /// <param name="resourceArn">The resource, for TooManyTags.</param>
    /// <returns>The merged tags, in order of first appearance.</returns>
    public static IReadOnlyList<Tag> Merge(IReadOnlyList<Tag> existing, IReadOnlyList<Tag>? added, string field, string resourceArn)
    {
        ArgumentNullException.ThrowIfNull(existing);
        List<Tag> merged = [.. existing];
        for (int i = 0; i < (added?.Count ?? 0); i++)
        {
            Tag tag = added![i] ?? throw ApiException.Validation(Member(field, i), null, "Member must not be null");
            string key = Text(tag.Key, Member(field, i) + ".member.key", 1, MaxKeyLength);
            string value = Text(tag.Value ?? string.Empty, Member(field, i) + ".member.value", 0, MaxValueLength);
            int at = merged.FindIndex(t => t.Key == key);
            if (at >= 0)
            {
                merged[at] = new Tag(key, value);
            }
            else
            {
                merged.Add(new Tag(key, value));
            }
        }

        return merged.Count > MaxTags
            ? throw new ApiException(ApiErrorTypes.TooManyTags, $"Too many tags: a resource can have at most {MaxTags} tags: '{resourceArn}'")
            : merged;
    }

    /// <summary>Checks the keys of UntagResource.</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The keys.</returns>
    public static IReadOnlyList<string> Keys(IReadOnlyList<string?>? keys)
    {
        if (keys is null)
        {
            throw ApiException.Validation("tagKeys", null, "Member must not be null");
        }

        return [.. keys.Select((k, i) => Text(k, string.Create(CultureInfo.InvariantCulture, $"tagKeys.{i + 1}.member"), 1, MaxKeyLength))];
    }

    private static string Member(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}.{index + 1}");

    private static string Text(string? value, string field, int min, int max)
    {
        if (value is null)
        {
            throw ApiException.Validation(field, null, "Member must not be null");
        }

        if (value.Length < min || value.Length > max)
        {
            throw ApiException.Validation(field, value.Length > 200 ? null : value, string.Create(
                CultureInfo.InvariantCulture, $"Member must have length between {min} and {max}"));
        }

        if (!value.All(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || "_.:/=+-@".Contains(c, StringComparison.Ordinal)))
        {
            throw ApiException.Validation(field, value, @"Member must satisfy regular expression pattern: ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$");
        }

        return value;
    }
}
