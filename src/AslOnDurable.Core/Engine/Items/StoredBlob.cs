namespace AslOnDurable.Core.Engine.Items;

/// <summary>One blob of a listing.</summary>
/// <param name="Key">The blob's full name in its container.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="LastModified">When it was last written.</param>
/// <param name="ETag">Its entity tag, with the double quotes HTTP puts around it (as S3's <c>ETag</c>).</param>
public sealed record StoredBlob(string Key, long Size, DateTimeOffset LastModified, string ETag);
