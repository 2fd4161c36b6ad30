namespace Actors.Kernel.Configuration;

/// <summary>
/// Parses HOCON text into an unresolved tree (substitutions kept). Includes are loaded through
/// <see cref="HoconParseContext"/>; resolution is done by the resolver.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly List<HoconToken> _tokens;
    private readonly ConfigOrigin _origin;
    private readonly HoconParseContext _context;
    private readonly IReadOnlyList<string> _docPrefix;
    private const int MaxDepth = 200;
    private int _index;
    private int _depth;
    private ConfigOrigin?[] _origins = new ConfigOrigin?[64];

    private HoconParser(string text, ConfigOrigin origin, HoconParseContext context, IReadOnlyList<string> docPrefix)
    {
        _origin = origin;
        _context = context;
        _docPrefix = docPrefix;
        _tokens = new HoconTokenizer(text, origin.Description).Tokenize();
    }

    /// <summary>Parses a whole document whose root must be an object.</summary>
    public static HoconObject ParseDocument(string text, ConfigOrigin origin, HoconParseContext context, IReadOnlyList<string> docPrefix)
    {
        var parser = new HoconParser(text, origin, context, docPrefix);
        return parser.ParseRoot();
    }

    private HoconToken Peek => _tokens[_index];

    private HoconToken Take() => _tokens[_index++];

    private ConfigurationException Error(HoconToken at, string problem) =>
        new(_origin.Description, at.Line, at.Column, problem);

    /// <summary>One origin instance per line (values on a line share it).</summary>
    private ConfigOrigin OriginOf(HoconToken token)
    {
        if (token.Line >= _origins.Length)
        {
            Array.Resize(ref _origins, Math.Max(token.Line + 1, _origins.Length * 2));
        }

        return _origins[token.Line] ??= _origin.AtLine(token.Line);
    }

    private void SkipWhitespace()
    {
        while (Peek.Kind == HoconTokenKind.Whitespace)
        {
            _index++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            _index++;
        }
    }

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var first = Peek;
        if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error(first, "the document root must be an object, but found an array '['");
        }

        HoconObject root;
        if (first.Kind == HoconTokenKind.OpenBrace)
        {
            _index++;
            root = new HoconObject(OriginOf(first));
            ParseFields(root, [], braced: true, inArray: false);
        }
        else
        {
            root = new HoconObject(OriginOf(first));
            ParseFields(root, [], braced: false, inArray: false);
        }

        SkipWhitespaceAndNewlines();
        if (Peek.Kind != HoconTokenKind.End)
        {
            throw Error(Peek, Peek.Kind == HoconTokenKind.CloseBrace
                ? "unbalanced '}': no matching '{'"
                : $"expected end of input after the root object but found {Peek.Describe()}");
        }

        return root;
    }

    /// <summary>Parses fields into <paramref name="target"/> up to the closing brace (or end of input).</summary>
    private void ParseFields(HoconObject target, IReadOnlyList<string> path, bool braced, bool inArray)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var t = Peek;
            if (t.Kind == HoconTokenKind.CloseBrace || t.Kind == HoconTokenKind.End)
            {
                if (braced != (t.Kind == HoconTokenKind.CloseBrace))
                {
                    throw Error(t, braced ? "expected '}' to close the object, but reached end of input" : "unbalanced '}': no matching '{'");
                }

                if (braced)
                {
                    _index++;
                }

                return;
            }

            if (t.Kind == HoconTokenKind.Comma)
            {
                throw Error(t, "unexpected ',': expected a key (no leading or doubled commas)");
            }

            object described = t.Kind == HoconTokenKind.Unquoted && t.Text == "include" && IsIncludeDirective()
                ? ParseInclude(target, path, inArray)
                : ParseField(target, path, inArray);
            SkipWhitespace();
            var after = Peek;
            if (after.Kind == HoconTokenKind.Comma)
            {
                _index++;
            }
            else if (after.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBrace or HoconTokenKind.End))
            {
                var description = described is string name ? $"include \"{name}\"" : $"the value of '{HoconPath.Render((List<string>)described)}'";
                throw Error(after, $"expected ',' or a newline after {description} but found {after.Describe()}");
            }
        }
    }

    private bool IsIncludeDirective()
    {
        var next = _tokens[_index + 1];
        return next.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline or HoconTokenKind.QuotedString;
    }

    /// <summary>Parses one field; returns its key path (used only to describe a later error).</summary>
    private List<string> ParseField(HoconObject target, IReadOnlyList<string> path, bool inArray)
    {
        var keyStart = Peek;
        var keyTokens = new List<HoconToken>();
        while (Peek.IsSimple || Peek.Kind == HoconTokenKind.Whitespace)
        {
            keyTokens.Add(Take());
        }

        if (keyTokens.Count == 0)
        {
            throw Error(keyStart, $"expected a key but found {keyStart.Describe()}"
                + (keyStart.Kind == HoconTokenKind.Substitution ? " (substitutions are not allowed in keys)" : string.Empty));
        }

        var key = HoconPath.Build(keyTokens, _origin.Description);
        SkipWhitespaceAndNewlines();
        var sep = Peek;
        var fieldPath = path.Concat(key).ToList();
        if (_docPrefix.Count + fieldPath.Count + _depth > 2 * MaxDepth)
        {
            throw Error(keyStart, $"key '{HoconPath.Render(key)}' is nested more than {2 * MaxDepth} levels deep");
        }

        HoconValue? value;
        switch (sep.Kind)
        {
            case HoconTokenKind.Colon or HoconTokenKind.Equals or HoconTokenKind.PlusEquals:
                _index++;
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath, inArray);
                break;
            case HoconTokenKind.OpenBrace:
                value = ParseValue(fieldPath, inArray);
                break;
            default:
                throw Error(sep, $"expected ':', '=' or '{{' after key '{HoconPath.Render(key)}' but found {sep.Describe()}");
        }

        if (value is null)
        {
            throw Error(Peek, $"expected a value for key '{HoconPath.Render(key)}' but found {Peek.Describe()}");
        }

        var origin = OriginOf(keyStart);
        if (sep.Kind == HoconTokenKind.PlusEquals)
        {
            var self = new HoconSubstitution(origin, _docPrefix.Concat(fieldPath).ToList(), optional: true, prefix: []);
            value = new HoconConcatenation(origin, [self, new HoconArray(value.Origin, [value])]);
        }

        HoconMerge.Assign(target, key[0], HoconMerge.Wrap(key, 1, value, origin));
        return key;
    }
}
