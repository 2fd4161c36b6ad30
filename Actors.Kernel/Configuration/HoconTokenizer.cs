using System.Text;

namespace Actors.Kernel.Configuration;

/// <summary>Splits HOCON text into tokens. Comments are dropped; newlines are kept as tokens.</summary>
internal sealed class HoconTokenizer
{
    private readonly string _text;
    private readonly string _source;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public HoconTokenizer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public List<HoconToken> Tokenize()
    {
        while (_pos < _text.Length)
        {
            _tokens.Add(Next());
        }

        _tokens.Add(new HoconToken(HoconTokenKind.End, string.Empty, _line, Column));
        _tokens.RemoveAll(t => t.Kind == HoconTokenKind.End && t.Text == "comment");
        return _tokens;
    }

    private int Column => _pos - _lineStart + 1;

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private ConfigurationException Error(string problem) => new(_source, _line, Column, problem);

    private static HoconToken Make(HoconTokenKind kind, string text, int line, int column) => new(kind, text, line, column);

    private HoconToken Next()
    {
        var c = _text[_pos];
        int line = _line, col = Column;
        if (c == '\n')
        {
            _pos++;
            _line++;
            _lineStart = _pos;
            return Make(HoconTokenKind.Newline, "\n", line, col);
        }

        if (HoconChars.IsWhitespace(c))
        {
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] != '\n' && HoconChars.IsWhitespace(_text[_pos]))
            {
                _pos++;
            }

            return Make(HoconTokenKind.Whitespace, _pos - start == 1 && c == ' ' ? " " : _text[start.._pos], line, col);
        }

        if (c == '#' || (c == '/' && Peek(1) == '/'))
        {
            while (_pos < _text.Length && _text[_pos] != '\n')
            {
                _pos++;
            }

            return Make(HoconTokenKind.End, "comment", line, col);
        }

        return c switch
        {
            '{' => Single(HoconTokenKind.OpenBrace, line, col),
            '}' => Single(HoconTokenKind.CloseBrace, line, col),
            '[' => Single(HoconTokenKind.OpenBracket, line, col),
            ']' => Single(HoconTokenKind.CloseBracket, line, col),
            ',' => Single(HoconTokenKind.Comma, line, col),
            ':' => Single(HoconTokenKind.Colon, line, col),
            '=' => Single(HoconTokenKind.Equals, line, col),
            '"' => Peek(1) == '"' && Peek(2) == '"' ? TripleQuoted(line, col) : Quoted(line, col),
            '+' when Peek(1) == '=' => Advance(2, Make(HoconTokenKind.PlusEquals, "+=", line, col)),
            '$' when Peek(1) == '{' => Substitution(line, col),
            '$' => throw Error("'$' must start a substitution '${...}' (quote it to use it literally)"),
            _ when char.IsAsciiDigit(c) || c == '-' => NumberOrText(line, col),
            _ when HoconChars.IsForbidden(c) => throw Error($"reserved character '{c}' is not allowed outside quotes"),
            _ => Unquoted(line, col),
        };
    }

    private HoconToken Advance(int count, HoconToken token)
    {
        _pos += count;
        return token;
    }

    private HoconToken Single(HoconTokenKind kind, int line, int col) => Advance(1, Make(kind, _text[_pos].ToString(), line, col));

    private HoconToken Unquoted(int line, int col)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (HoconChars.IsWhitespace(c) || HoconChars.IsForbidden(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        return Make(HoconTokenKind.Unquoted, _text[start.._pos], line, col);
    }

    private HoconToken NumberOrText(int line, int col)
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is 'e' or 'E' or '+' or '-' or '.'))
        {
            _pos++;
        }

        var text = _text[start.._pos];
        if (HoconNumbers.IsJsonNumber(text))
        {
            return Make(HoconTokenKind.Number, text, line, col);
        }

        if (text.Contains('+', StringComparison.Ordinal))
        {
            throw new ConfigurationException(_source, line, col + text.IndexOf('+', StringComparison.Ordinal),
                $"reserved character '+' is not allowed outside quotes (in '{text}')");
        }

        return Make(HoconTokenKind.Unquoted, text, line, col);
    }

    private HoconToken Quoted(int line, int col)
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new ConfigurationException(_source, line, col, "unterminated quoted string: expected a closing '\"'");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return Make(HoconTokenKind.QuotedString, sb.ToString(), line, col);
            }

            if (c == '\n' || c < 0x20)
            {
                throw Error(c == '\n'
                    ? "unterminated quoted string: newline before the closing '\"' (use \\n or a \"\"\" string)"
                    : $"control character U+{(int)c:X4} is not allowed in a quoted string (escape it)");
            }

            if (c == '\\')
            {
                sb.Append(Escape());
                continue;
            }

            sb.Append(c);
            _pos++;
        }
    }

    private char Escape()
    {
        var e = Peek(1);
        _pos += 2;
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                var hex = _pos + 4 <= _text.Length ? _text.Substring(_pos, 4) : string.Empty;
                if (hex.Length != 4 || !hex.All(char.IsAsciiHexDigit))
                {
                    _pos -= 2;
                    throw Error("bad escape: '\\u' must be followed by four hex digits");
                }

                _pos += 4;
                return (char)Convert.ToInt32(hex, 16);
            default:
                _pos -= 2;
                throw Error(e == '\0' ? "unterminated quoted string: input ends after '\\'"
                    : $"bad escape '\\{e}' in quoted string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private HoconToken TripleQuoted(int line, int col)
    {
        _pos += 3;
        var start = _pos;
        var end = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ConfigurationException(_source, line, col, "unterminated triple-quoted string: expected a closing '\"\"\"'");
        }

        // Quotes beyond the final three belong to the content.
        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++;
        }

        var content = _text[start..end];
        foreach (var ch in content)
        {
            if (ch == '\n')
            {
                _line++;
            }
        }

        _pos = end + 3;
        var lastNewline = _text.LastIndexOf('\n', end);
        if (lastNewline >= start)
        {
            _lineStart = lastNewline + 1;
        }

        return Make(HoconTokenKind.QuotedString, content, line, col);
    }

    private HoconToken Substitution(int line, int col)
    {
        var begin = _pos;
        _pos += 2;
        var optional = false;
        if (Peek() == '?')
        {
            optional = true;
            _pos++;
        }

        var inner = new List<HoconToken>();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw new ConfigurationException(_source, line, col, "unterminated substitution: expected '}' to close '${'");
            }

            if (_text[_pos] == '}')
            {
                _pos++;
                break;
            }

            var t = Next();
            if (t.Kind == HoconTokenKind.End || (!t.IsSimple && t.Kind != HoconTokenKind.Whitespace))
            {
                throw new ConfigurationException(_source, t.Line, t.Column,
                    $"unexpected {(t.Kind == HoconTokenKind.End ? "comment" : t.Describe())} inside substitution '${{...}}': expected a path");
            }

            inner.Add(t);
        }

        var path = HoconPath.Build(inner.Count == 0 ? [Make(HoconTokenKind.Whitespace, string.Empty, line, col)] : inner, _source);
        return Make(HoconTokenKind.Substitution, _text[begin.._pos], line, col) with { Path = path, Optional = optional };
    }
}
