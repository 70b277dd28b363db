namespace AslOnDurable.Core.Validation;

/// <summary>What a JSONPath-mode path field may hold.</summary>
internal enum PathKind
{
    /// <summary>Any JSONPath rooted at <c>$</c>, <c>$$</c> or a variable (InputPath, OutputPath, Choice Variable).</summary>
    Path,

    /// <summary>A reference path rooted at the state input only (ResultPath).</summary>
    ResultPath,

    /// <summary>A reference path rooted at <c>$</c>, <c>$$</c> or a variable (ItemsPath, SecondsPath, TimestampPath, ...Path operands).</summary>
    ReferencePath,

    /// <summary>A reference path that may not use the context object (Map's numeric ...Path fields).</summary>
    NumberReferencePath,

    /// <summary>A reference path or an intrinsic function call (Fail ErrorPath and CausePath).</summary>
    ReferencePathOrIntrinsic,
}
