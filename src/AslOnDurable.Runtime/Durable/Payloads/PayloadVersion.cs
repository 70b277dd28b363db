namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The wire version of the state-machine payload records (conventions rule 9: add only optional fields).</summary>
public static class PayloadVersion
{
    /// <summary>The version this build writes; it reads every version up to and including it.</summary>
    public const int Current = 1;

    /// <summary>Throws when a record was written by a newer build.</summary>
    /// <param name="version">The record's version.</param>
    /// <param name="record">The record's type name (for the message).</param>
    /// <exception cref="NotSupportedException">The version is newer than <see cref="Current"/> or not positive.</exception>
    public static void EnsureReadable(int version, string record)
    {
        if (version is < 1 or > Current)
        {
            throw new NotSupportedException($"{record} version {version} is not supported (this build reads 1 to {Current}).");
        }
    }
}
