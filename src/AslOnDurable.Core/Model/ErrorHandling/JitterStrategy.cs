namespace AslOnDurable.Core.Model.ErrorHandling;

/// <summary>A retrier's <c>JitterStrategy</c>.</summary>
public enum JitterStrategy
{
    /// <summary>No jitter.</summary>
    None,

    /// <summary>The delay is drawn uniformly from [0, computed interval].</summary>
    Full,
}
