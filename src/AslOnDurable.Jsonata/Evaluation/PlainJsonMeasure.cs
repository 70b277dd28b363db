namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// What <see cref="ValueConverter.TryMeasurePlainJson"/> found for one object or array, kept on it so measuring a value
/// built from it again (<c>$merge([$data, {…}])</c> shares <c>$data</c>'s members) skips it: evaluator values are never
/// changed once an evaluation has returned them, and a measure, once set, is the same for every reader (set atomically).
/// </summary>
/// <param name="Size">The UTF-8 size of its compact JSON text.</param>
/// <param name="Height">How many levels of objects and arrays it holds below itself (0 when it holds only scalars).</param>
/// <param name="WellFormed">Whether all its text is well-formed UTF-16.</param>
internal sealed record PlainJsonMeasure(long Size, int Height, bool WellFormed);
