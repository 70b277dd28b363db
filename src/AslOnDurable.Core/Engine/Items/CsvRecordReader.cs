using System.Text;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// Reads RFC 4180 records from text, one at a time: fields separated by a delimiter, optionally enclosed in double
/// quotes (a quote inside a quoted field is doubled; quoted fields may hold delimiters and line breaks), records ended
/// by CRLF or LF.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter)
{
    private readonly StringBuilder field = new();

    /// <summary>The 1-based line on which the record last returned starts.</summary>
    public long RecordLine { get; private set; }

    private readonly char[] buffer = new char[16 * 1024];
    private int position;
    private int length;
    private long line = 1;

    /// <summary>Reads the next record, or <see langword="null"/> at the end of the text. Blank lines are skipped.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or a quote stands inside an unquoted field.</exception>
    public async ValueTask<List<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var c = position < length ? buffer[position++] : await FillAsync(cancellationToken).ConfigureAwait(false);
            if (c == -1)
            {
                return null;
            }

            if (c is '\r' or '\n')
            {
                if (c == '\n')
                {
                    line++;
                }

                continue;
            }

            RecordLine = line;
            var fields = new List<string>();
            field.Clear();
            var quoted = false;
            var inQuotes = false;
            var afterQuote = false;
            while (true)
            {
                if (inQuotes)
                {
                    if (c == -1)
                    {
                        throw new FormatException($"a quoted field opened on line {RecordLine} is never closed");
                    }

                    if (c == '"')
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append((char)c);
                    }
                }
                else if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = false;
                    afterQuote = false;
                }
                else if (c is -1 or '\n' or '\r')
                {
                    fields.Add(field.ToString());
                    if (c == '\n')
                    {
                        line++;
                    }

                    return fields;
                }
                else if (c == '"')
                {
                    if (afterQuote)
                    {
                        field.Append('"');
                        inQuotes = true;
                        afterQuote = false;
                    }
                    else if (!quoted && field.Length == 0)
                    {
                        quoted = true;
                        inQuotes = true;
                    }
                    else
                    {
                        throw new FormatException($"line {line} has a double quote inside an unquoted field");
                    }
                }
                else if (afterQuote)
                {
                    throw new FormatException($"line {line} has characters after the closing quote of a field");
                }
                else
                {
                    field.Append((char)c);
                }

                c = position < length ? buffer[position++] : await FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask<int> FillAsync(CancellationToken cancellationToken)
    {
        length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        position = 0;
        return length == 0 ? -1 : buffer[position++];
    }
}
