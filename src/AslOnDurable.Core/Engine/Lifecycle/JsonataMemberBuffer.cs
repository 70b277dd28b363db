using System.Runtime.CompilerServices;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>Room on the stack for the members of a small object built from a template (<see cref="JsonataTemplate"/>).</summary>
[InlineArray(Length)]
internal struct JsonataMemberBuffer
{
    /// <summary>How many members it holds.</summary>
    public const int Length = 8;

    private KeyValuePair<string, JsonataValue> first;
}
