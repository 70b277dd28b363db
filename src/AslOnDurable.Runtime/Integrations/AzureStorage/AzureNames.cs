namespace AslOnDurable.Runtime.Integrations.AzureStorage;

/// <summary>Azure Storage's naming rules for containers, queues and tables.</summary>
internal static class AzureNames
{
    /// <summary>Whether a name is a valid blob container or queue name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsContainerOrQueueName(string name)
    {
        if (name.Length is < 3 or > 63 || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a name is a valid table name: 3-63 letters and digits, starting with a letter, not <c>tables</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsTableName(string name) =>
        name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit)
        && !string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase);
}
