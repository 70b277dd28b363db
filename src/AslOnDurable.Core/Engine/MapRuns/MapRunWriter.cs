namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>An evaluated ResultWriter.</summary>
/// <param name="Exports">Whether it writes files (has a Resource); without one the WriterConfig shapes the Map's output.</param>
/// <param name="Bucket">The container (S3 bucket) of the result files.</param>
/// <param name="Prefix">The name prefix of the result files.</param>
/// <param name="OutputType">WriterConfig.OutputType: JSON or JSONL.</param>
/// <param name="Transformation">WriterConfig.Transformation: NONE, COMPACT or FLATTEN.</param>
public sealed record MapRunWriter(bool Exports, string Bucket, string Prefix, string OutputType, string Transformation);
