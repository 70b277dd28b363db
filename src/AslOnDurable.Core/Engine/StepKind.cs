namespace AslOnDurable.Core.Engine;

/// <summary>The kinds of <see cref="StepResult"/>.</summary>
internal enum StepKind
{
    /// <summary>Transition to <see cref="StepResult.NextIndex"/>.</summary>
    Next,

    /// <summary>The machine (or branch) ends successfully.</summary>
    End,

    /// <summary>The machine (or branch) fails.</summary>
    Fail,
}
