using System.Text;

namespace UmkmCredit.Domain.Imports;

/// <summary>A CSV file read as RFC 4180: a header row and data rows of fields.</summary>
/// <param name="Header">Column names, trimmed.</param>
/// <param name="Rows">Data rows (row 1 is the first line after the header); blank lines are skipped.</param>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows);

/// <summary>One data row: its number (1 = first after the header), its fields and its text as sent.</summary>
/// <param name="Number">1-based row number under the header.</param>
/// <param name="Fields">The fields, unquoted.</param>
/// <param name="Text">The row's fields re-joined canonically (identifies the row's content).</param>
public sealed record CsvRow(int Number, IReadOnlyList<string> Fields, string Text);

/// <summary>
/// A strict, small RFC 4180 reader: UTF-8 (with or without BOM), comma or semicolon separated (the separator is the
/// one the header uses; spreadsheets in Indonesian locales save with semicolons), quoted fields with doubled quotes,
/// separators and line breaks inside quotes, CRLF or LF. Pure: no I/O.
/// </summary>
public static class Csv
{
    /// <summary>Error: the file is not UTF-8 text.</summary>
    public const string EncodingError = "csv.encoding";

    /// <summary>Error: a quote is opened and never closed, or text follows a closing quote.</summary>
    public const string QuoteError = "csv.quote";

    /// <summary>Error: there is no header row.</summary>
    public const string HeaderError = "csv.header";

    /// <summary>Error: more rows than allowed.</summary>
    public const string TooManyRowsError = "csv.rows";

    /// <summary>Reads a file; on failure returns null with an error code and the 1-based line where it was found (0 when not tied to one).</summary>
    public static CsvTable? TryRead(ReadOnlySpan<byte> content, int maxRows, out string? errorCode, out int errorLine)
    {
        errorCode = null;
        errorLine = 0;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            errorCode = EncodingError;
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = DetectSeparator(text);
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var quotedField = false;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] is '\n' or '\r')
            {
                fields.Add(quotedField ? field.ToString() : field.ToString().Trim());
                if (!(fields.Count == 1 && fields[0].Length == 0 && !quotedField))
                {
                    records.Add((recordLine, fields));
                    if (records.Count > maxRows + 1)
                    {
                        errorCode = TooManyRowsError;
                        errorLine = recordLine;
                        return null;
                    }
                }

                fields = [];
                field.Clear();
                quotedField = false;
                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                line++;
                recordLine = line;
                continue;
            }

            var c = text[i];
            if (c == '"' && field.ToString().Trim().Length == 0 && !quotedField)
            {
                // a quoted field: read to the closing quote ("" is a quote)
                field.Clear();
                quotedField = true;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                while (closed && i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (!closed || (i < text.Length && text[i] != separator && text[i] is not '\r' and not '\n'))
                {
                    errorCode = QuoteError;
                    errorLine = recordLine;
                    return null;
                }

                continue;
            }

            if (c == separator)
            {
                fields.Add(quotedField ? field.ToString() : field.ToString().Trim());
                field.Clear();
                quotedField = false;
                i++;
                continue;
            }

            if (quotedField)
            {
                errorCode = QuoteError;
                errorLine = recordLine;
                return null;
            }

            field.Append(c);
            i++;
        }

        if (records.Count == 0 || records[0].Fields.All(f => f.Length == 0))
        {
            errorCode = HeaderError;
            errorLine = 1;
            return null;
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1).Select((r, n) => new CsvRow(n + 1, r.Fields, Canonical(r.Fields))).ToList();
        return new CsvTable(header, rows);
    }

    /// <summary>The fields of a row by column name (missing trailing fields are empty; extra ones are ignored by the caller's check).</summary>
    public static IReadOnlyDictionary<string, string> ByColumn(IReadOnlyList<string> header, CsvRow row)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            map[header[c]] = c < row.Fields.Count ? row.Fields[c] : string.Empty;
        }

        return map;
    }

    private static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return first.Count(ch => ch == ';') > first.Count(ch => ch == ',') ? ';' : ',';
    }

    private static string Canonical(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
