using System.Collections.Immutable;
using AslOnDurable.Core.Model.ErrorHandling;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled state that can recover from errors with <c>Retry</c> and <c>Catch</c> (Task, Parallel, Map).</summary>
internal interface IRecoverableStatePlan
{
    /// <summary>Retriers, in order.</summary>
    ImmutableArray<Retrier> Retry { get; }

    /// <summary>Catchers, in order.</summary>
    CatcherPlan[] Catch { get; }

    /// <summary>Whether the state uses JSONata (decides how a catcher builds its output).</summary>
    bool IsJsonata { get; }
}
