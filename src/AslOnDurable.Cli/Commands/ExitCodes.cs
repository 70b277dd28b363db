namespace AslOnDurable.Cli.Commands;

/// <summary>The exit codes of <c>asl</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran (for <c>run</c>: whatever the execution's status).</summary>
    public const int Ok = 0;

    /// <summary><c>validate</c> found errors in the definition.</summary>
    public const int InvalidDefinition = 1;

    /// <summary>The tool could not run: unreadable file, invalid JSON, invalid definition, bad options.</summary>
    public const int UsageError = 2;

    /// <summary><c>run</c>: the execution did not end within <c>--max-run-seconds</c>; it was stopped and reported <c>TIMED_OUT</c>.</summary>
    public const int RunTimeExceeded = 3;
}
