using System.Collections.Frozen;

namespace AslOnDurable.Core.Engine.InMemory.Mocking;

/// <summary>One test case of a mock configuration: which mocked response answers each Task state.</summary>
/// <param name="Name">The test case name.</param>
/// <param name="States">State name to mocked response.</param>
public sealed record MockTestCase(string Name, FrozenDictionary<string, MockedResponse> States);
