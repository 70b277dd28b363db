using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// Streams the items of a JSON file's array or object that <c>ReaderConfig.ItemsPointer</c> selects: skims the document
/// up to the pointer's target (skipping other values without keeping them), then yields the array's elements (or the
/// object's members as <see cref="IterableItems.Pair"/>s, in order) one at a time, so only one item and a read buffer
/// are in memory, as with a top-level array.
/// </summary>
/// <remarks>
/// AWS's causes (error <c>States.ItemReaderFailed</c>): a pointer that names no value, "The provided
/// ReaderConfig.ItemsPointer does not match any valid path in the JSON structure."; a target that is no array or object,
/// "Attempting to map over non-iterable node."; and the target must start within the file's first 16 MB.
/// </remarks>
internal static class JsonItemsPointerReader
{
    /// <summary>AWS's cause when the pointer names no value in the file.</summary>
    public const string NoMatchCause = "The provided ReaderConfig.ItemsPointer does not match any valid path in the JSON structure.";

    /// <summary>AWS's cause when the pointer names a value that is neither an array nor an object.</summary>
    public const string NotIterableCause = "Attempting to map over non-iterable node.";

    /// <summary>AWS's bound: the target must start within the file's first 16 MB.</summary>
    public const long TargetWithin = 16L * 1024 * 1024;

    private const int InitialBuffer = 64 * 1024;

    /// <summary>Reads the elements of the array at <paramref name="tokens"/> in <paramref name="stream"/>.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="tokens">The pointer's reference tokens (not empty).</param>
    /// <param name="location">The file, for causes.</param>
    /// <param name="targetWithin">How far into the file the target may start (<see cref="TargetWithin"/>).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The items, in order.</returns>
    public static async IAsyncEnumerable<JsonNode?> ReadAsync(
        Stream stream, ImmutableArray<string> tokens, string location, long targetWithin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scanner = new Scanner(tokens, location, targetWithin);
        var buffer = new byte[InitialBuffer];
        var filled = 0;
        var final = false;
        List<JsonNode?> found = [];
        while (true)
        {
            if (!final)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                final = read == 0;
                filled += read;
            }

            var consumed = scanner.Feed(buffer.AsSpan(0, filled), final, found);
            foreach (var item in found)
            {
                yield return item;
            }

            found.Clear();
            if (scanner.Done)
            {
                yield break;
            }

            if (final)
            {
                throw BlobItemReader.Failed($"The object {location} ends before the JSON value is complete.");
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>The resumable walk: fed the unread bytes each time, it keeps the reader's state between feeds.</summary>
    private sealed class Scanner(ImmutableArray<string> tokens, string location, long targetWithin)
    {
        private JsonReaderState _state;
        private long _offset;           // bytes of the file consumed before the current feed
        private int _level;             // how many tokens were matched
        private Expect _expect;         // what the next token is on the way to the target
        private long _remaining;        // array elements still to skip before the index's element
        private int _skipDepth = -1;    // skipping a container that started at this depth
        private int _itemsDepth = -1;   // the target's depth, once found
        private bool _members;          // the target is an object: its items are its members

        private enum Expect
        {
            Value,
            Property,
            SkippedValue,
            Element,
        }

        /// <summary>Gets whether the target array ended.</summary>
        public bool Done { get; private set; }

        /// <summary>Processes every whole token in <paramref name="data"/> and returns how many bytes were consumed.</summary>
        public int Feed(ReadOnlySpan<byte> data, bool final, List<JsonNode?> found)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var consumed = 0;
            try
            {
                while (!Done)
                {
                    var before = reader.CurrentState;
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (_itemsDepth < 0)
                    {
                        Navigate(ref reader);
                    }
                    else if (!TakeItem(ref reader, data, found))
                    {
                        _state = before; // the element is read again, whole, in the next feed
                        break;
                    }

                    consumed = (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                }
            }
            catch (JsonException e)
            {
                throw BlobItemReader.Failed(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The object {location} is not valid JSON: malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}."));
            }

            _offset += consumed;
            return consumed;
        }

        /// <summary>One item of the target (or its end); <see langword="false"/> when the item is not all here yet.</summary>
        private bool TakeItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<JsonNode?> found)
        {
            if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject && reader.CurrentDepth == _itemsDepth)
            {
                Done = true;
                return true;
            }

            string? key = null;
            if (_members)
            {
                key = reader.GetString()!; // a property name: its value follows
                if (!reader.Read())
                {
                    return false;
                }
            }

            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return false;
            }

            var value = JsonNode.Parse(data[start..(int)reader.BytesConsumed]);
            found.Add(key is null ? value : IterableItems.Pair(key, value));
            return true;
        }

        /// <summary>Follows the pointer one token at a time.</summary>
        private void Navigate(ref Utf8JsonReader reader)
        {
            if (_skipDepth >= 0)
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
                {
                    _skipDepth = -1;
                }

                return;
            }

            switch (_expect)
            {
                case Expect.Value:
                    Value(ref reader);
                    return;
                case Expect.SkippedValue:
                    _expect = Expect.Property;
                    Skip(ref reader);
                    return;
                case Expect.Property when reader.TokenType == JsonTokenType.EndObject:
                case Expect.Element when reader.TokenType == JsonTokenType.EndArray:
                    throw BlobItemReader.Failed(NoMatchCause);
                case Expect.Property:
                    if (reader.ValueTextEquals(tokens[_level]))
                    {
                        _level++;
                        _expect = Expect.Value;
                    }
                    else
                    {
                        _expect = Expect.SkippedValue;
                    }

                    return;
                case Expect.Element when _remaining > 0:
                    _remaining--;
                    Skip(ref reader);
                    return;
                default:
                    _level++;
                    Value(ref reader);
                    return;
            }
        }

        /// <summary>The value at the current level: the target, or the container of the next token.</summary>
        private void Value(ref Utf8JsonReader reader)
        {
            if (_level == tokens.Length)
            {
                if (_offset + reader.TokenStartIndex >= targetWithin)
                {
                    throw BlobItemReader.Failed(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The value ReaderConfig.ItemsPointer selects in {location} must start within the object's first {targetWithin} bytes (16 MB)."));
                }

                _members = reader.TokenType switch
                {
                    JsonTokenType.StartArray => false,
                    JsonTokenType.StartObject => true,
                    _ => throw BlobItemReader.Failed(NotIterableCause),
                };
                _itemsDepth = reader.CurrentDepth;
                return;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _expect = Expect.Property;
                    break;
                case JsonTokenType.StartArray when Index(tokens[_level]) is { } index:
                    _expect = Expect.Element;
                    _remaining = index;
                    break;
                default:
                    throw BlobItemReader.Failed(NoMatchCause);
            }
        }

        /// <summary>Skips the value the reader is at (a container's children come in later tokens).</summary>
        private void Skip(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _skipDepth = reader.CurrentDepth;
            }
        }

        /// <summary>An array index token: digits without a leading zero (RFC 6901), else <see langword="null"/>.</summary>
        private static long? Index(string token) =>
            token.Length > 0 && (token == "0" || token[0] != '0') && token.All(char.IsAsciiDigit)
            && long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : null;
    }
}
