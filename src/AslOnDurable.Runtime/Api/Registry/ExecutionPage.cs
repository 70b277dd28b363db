namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>One page of a state machine's executions from the execution index, newest first.</summary>
/// <param name="Listings">The executions the filter keeps, at most the size asked for.</param>
/// <param name="More">Whether more executions the filter keeps follow the last one (the next page starts after its <see cref="ExecutionListing.Key"/>).</param>
public sealed record ExecutionPage(IReadOnlyList<ExecutionListing> Listings, bool More);
