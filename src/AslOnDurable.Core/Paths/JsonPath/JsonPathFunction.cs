namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>The Jayway JsonPath functions a path may end with (not allowed in reference paths, as AWS documents).</summary>
internal enum JsonPathFunction
{
    /// <summary><c>length()</c>: the number of elements of an array or members of an object.</summary>
    Length,

    /// <summary><c>min()</c>: the smallest number of an array, as a double.</summary>
    Min,

    /// <summary><c>max()</c>: the largest number of an array, as a double.</summary>
    Max,

    /// <summary><c>avg()</c>: the average of the numbers of an array, as a double.</summary>
    Avg,

    /// <summary><c>stddev()</c>: the population standard deviation of the numbers of an array, as a double.</summary>
    Stddev,

    /// <summary><c>sum()</c>: the sum of the numbers of an array, as a double.</summary>
    Sum,

    /// <summary><c>keys()</c>: the member names of an object.</summary>
    Keys,

    /// <summary><c>first()</c>: the first element of an array.</summary>
    First,

    /// <summary><c>last()</c>: the last element of an array.</summary>
    Last,
}
