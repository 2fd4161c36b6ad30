namespace Actors.Kernel.Configuration;

internal sealed partial class HoconParser
{
    /// <summary>
    /// Parses one field value or array element: adjacent pieces on one line concatenate.
    /// Returns null when no value starts here.
    /// </summary>
    private HoconValue? ParseValue(IReadOnlyList<string> path, bool inArray)
    {
        var pieces = new List<HoconValue>();
        HoconToken? pendingSpace = null;
        HoconToken? single = null;
        while (true)
        {
            var t = Peek;
            if (t.Kind == HoconTokenKind.Whitespace)
            {
                pendingSpace = Take();
                continue;
            }

            var piece = ParsePiece(t, path, inArray);
            if (piece is null)
            {
                break;
            }

            if (pendingSpace is not null && pieces.Count > 0)
            {
                pieces.Add(new HoconScalar(OriginOf(pendingSpace), HoconValueType.String, pendingSpace.Text, isWhitespace: true));
            }

            pendingSpace = null;
            single = pieces.Count == 0 ? t : null;
            pieces.Add(piece);
        }

        if (pendingSpace is not null)
        {
            _index--; // leave trailing whitespace for the separator check
        }

        return pieces.Count switch
        {
            0 => null,
            1 => single is { Kind: HoconTokenKind.Unquoted } ? Classify(single, pieces[0]) : pieces[0],
            _ => pieces.Exists(p => p is HoconSubstitution || (p is HoconConcatenation))
                ? new HoconConcatenation(pieces[0].Origin, pieces)
                : HoconConcat.Join(pieces, pieces[0].Origin, _origin.Description),
        };
    }

    private static HoconValue Classify(HoconToken token, HoconValue piece) => token.Text switch
    {
        "true" => HoconScalar.Boolean(true, piece.Origin),
        "false" => HoconScalar.Boolean(false, piece.Origin),
        "null" => HoconScalar.Null(piece.Origin),
        _ => piece,
    };

    private HoconValue? ParsePiece(HoconToken t, IReadOnlyList<string> path, bool inArray)
    {
        if (t.Kind is HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket)
        {
            if (_depth >= MaxDepth)
            {
                throw Error(t, $"objects and arrays are nested more than {MaxDepth} levels deep");
            }

            _depth++;
            try
            {
                return ParseContainer(t, path, inArray);
            }
            finally
            {
                _depth--;
            }
        }

        switch (t.Kind)
        {
            case HoconTokenKind.QuotedString or HoconTokenKind.Unquoted:
                _index++;
                return HoconScalar.String(t.Text, OriginOf(t));
            case HoconTokenKind.Number:
                _index++;
                return new HoconScalar(OriginOf(t), HoconValueType.Number, t.Text);
            case HoconTokenKind.Substitution:
                _index++;
                return new HoconSubstitution(OriginOf(t), t.Path!, t.Optional, _docPrefix, t.Column);
            default:
                return null;
        }
    }

    private HoconValue ParseContainer(HoconToken t, IReadOnlyList<string> path, bool inArray)
    {
        _index++;
        if (t.Kind == HoconTokenKind.OpenBracket)
        {
            return ParseArray(t, path);
        }

        var obj = new HoconObject(OriginOf(t));
        ParseFields(obj, path, braced: true, inArray);
        return obj;
    }

    private HoconArray ParseArray(HoconToken open, IReadOnlyList<string> path)
    {
        var items = new List<HoconValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var t = Peek;
            if (t.Kind == HoconTokenKind.CloseBracket)
            {
                _index++;
                return new HoconArray(OriginOf(open), items);
            }

            if (t.Kind == HoconTokenKind.Comma)
            {
                throw Error(t, "unexpected ',' in array: expected a value (no leading or doubled commas)");
            }

            var value = ParseValue(path, inArray: true)
                ?? throw Error(t, t.Kind == HoconTokenKind.End
                    ? $"expected ']' to close the array opened at line {open.Line}, but reached end of input"
                    : $"expected a value or ']' in array but found {t.Describe()}");
            items.Add(value);
            SkipWhitespace();
            var after = Peek;
            if (after.Kind == HoconTokenKind.Comma)
            {
                _index++;
            }
            else if (after.Kind == HoconTokenKind.End)
            {
                throw Error(after, $"expected ']' to close the array opened at line {open.Line}, but reached end of input");
            }
            else if (after.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBracket))
            {
                throw Error(after, $"expected ',', a newline or ']' after an array element but found {after.Describe()}");
            }
        }
    }
}
