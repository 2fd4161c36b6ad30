using System.Collections.Immutable;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>
/// The twin update algorithm of KubeEdge's <c>dtmanager/twin.go</c> (kubeedge.md §4.4) as a pure function: desired
/// (<c>expected</c>) and reported (<c>actual</c>) values, their metadata timestamps and version counters,
/// <c>optional</c>, type metadata and deletion. REST updates (apps, mappers) bump the edge counter of each changed side;
/// cloud syncs carry versions that must not be older than the stored ones, otherwise the key is rejected and the
/// edge's state is queued for the cloud.
/// </summary>
public static class TwinUpdater
{
    /// <summary>false = expected (desired), true = actual (reported); the order KubeEdge processes them.</summary>
    private static readonly bool[] Sides = [false, true];

    public const string WrongBodyError = "The request body is wrong";
    public const string TypeNotAllowedError = "the value type is not allowed";

    /// <summary>Applies <paramref name="request"/> (a null twin = delete, REST only) to <paramref name="current"/>.</summary>
    public static TwinUpdateOutcome Apply(
        IReadOnlyDictionary<string, MsgTwin> current,
        IReadOnlyDictionary<string, MsgTwin?> request,
        DealType dealType,
        long nowMs)
    {
        var state = new Builder(current, dealType, nowMs);
        foreach (var key in request.Keys.Order(StringComparer.Ordinal))
        {
            var error = current.TryGetValue(key, out var existing)
                ? state.Existing(key, existing, request[key])
                : state.New(key, request[key]);
            if (error is not null && dealType == DealType.Rest)
            {
                return new Builder(current, dealType, nowMs).Build(error);
            }
        }

        return state.Build(null);
    }

    private static bool IsPresent(TwinValue? value) => value?.Value is not null;

    private sealed class Builder(IReadOnlyDictionary<string, MsgTwin> current, DealType dealType, long nowMs)
    {
        private readonly ImmutableSortedDictionary<string, MsgTwin>.Builder _twins =
            current.ToImmutableSortedDictionary(StringComparer.Ordinal).ToBuilder();

        private readonly List<string> _added = [];
        private readonly List<string> _updated = [];
        private readonly ImmutableSortedDictionary<string, MsgTwin>.Builder _result = Empty<MsgTwin>();
        private readonly ImmutableSortedDictionary<string, TwinDoc>.Builder _document = Empty<TwinDoc>();
        private readonly ImmutableSortedDictionary<string, MsgTwin>.Builder _sync = Empty<MsgTwin>();

        private bool IsRest => dealType == DealType.Rest;

        public string? New(string key, MsgTwin? request)
        {
            if (request is null)
            {
                return IsRest ? WrongBodyError : null;
            }

            var type = string.IsNullOrEmpty(request.Metadata?.Type) ? TwinTypes.String : request.Metadata.Type;
            if (type == TwinTypes.Deleted)
            {
                return null;
            }

            if (!TwinValidation.IsKnownType(type))
            {
                return TypeNotAllowedError;
            }

            var twin = new MsgTwin(Optional: request.Optional ?? true, Metadata: new TypeMetadata(type));
            foreach (var actual in Sides)
            {
                var value = actual ? request.Actual : request.Expected;
                if (!IsPresent(value))
                {
                    continue;
                }

                if (TwinValidation.CheckValue(type, value!.Value) is { } reason)
                {
                    return reason;
                }

                var version = IsRest ? new TwinVersion(0, 1) : (actual ? request.ActualVersion : request.ExpectedVersion);
                if (version is null)
                {
                    return "Version not allowed be nil while syncing";
                }

                twin = WithSide(twin, actual, new TwinValue(value.Value, Stamp(value)), version);
            }

            _added.Add(key);
            Record(key, null, twin);
            return null;
        }

        public string? Existing(string key, MsgTwin stored, MsgTwin? request)
        {
            var delete = IsRest ? request is null && stored.Optional != false : request?.Metadata?.Type == TwinTypes.Deleted;
            if (delete)
            {
                return stored.IsDeleted ? null : Delete(key, stored, request);
            }

            return request is null ? null : Compare(key, stored, request);
        }

        public TwinUpdateOutcome Build(string? error) => new(
            error,
            _twins.ToImmutable(),
            _added.ToArray(),
            _updated.ToArray(),
            _result.ToImmutable(),
            _document.ToImmutable(),
            _sync.ToImmutable());

        private static ImmutableSortedDictionary<string, T>.Builder Empty<T>() =>
            ImmutableSortedDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);

        private static MsgTwin WithSide(MsgTwin twin, bool actual, TwinValue? value, TwinVersion? version) => actual
            ? twin with { Actual = value, ActualVersion = version }
            : twin with { Expected = value, ExpectedVersion = version };

        private string? Delete(string key, MsgTwin stored, MsgTwin? request)
        {
            var twin = stored with { Expected = null, Actual = null, Metadata = new TypeMetadata(TwinTypes.Deleted) };
            foreach (var actual in Sides)
            {
                var storedVersion = actual ? stored.ActualVersion : stored.ExpectedVersion;
                if (storedVersion is null)
                {
                    continue;
                }

                var requested = actual ? request?.ActualVersion : request?.ExpectedVersion;
                if (!TryNextVersion(storedVersion, requested, allowMissing: true, out var next))
                {
                    _sync[key] = stored;
                    return null;
                }

                twin = actual ? twin with { ActualVersion = next } : twin with { ExpectedVersion = next };
            }

            _updated.Add(key);
            _twins[key] = twin;
            _document[key] = new TwinDoc(stored.WithoutVersions(), null);
            if (IsRest)
            {
                _sync[key] = twin;
            }

            return null;
        }

        private string? Compare(string key, MsgTwin stored, MsgTwin request)
        {
            if (stored.IsDeleted && !IsPresent(request.Expected) && !IsPresent(request.Actual))
            {
                return null;
            }

            var type = !string.IsNullOrEmpty(request.Metadata?.Type) ? request.Metadata.Type
                : stored.IsDeleted ? TwinTypes.String : stored.Type;
            if (!TwinValidation.IsKnownType(type))
            {
                return TypeNotAllowedError;
            }

            var twin = stored;
            foreach (var actual in Sides)
            {
                var value = actual ? request.Actual : request.Expected;
                if (!IsPresent(value))
                {
                    continue;
                }

                if (TwinValidation.CheckValue(type, value!.Value) is { } reason)
                {
                    return reason;
                }

                var storedValue = actual ? stored.Actual : stored.Expected;
                var storedVersion = actual ? stored.ActualVersion : stored.ExpectedVersion;
                var requested = actual ? request.ActualVersion : request.ExpectedVersion;
                var valueChanged = stored.IsDeleted || storedValue?.Value != value.Value;
                if (IsRest && !valueChanged)
                {
                    continue;
                }

                if (!TryNextVersion(storedVersion ?? new TwinVersion(0, 0), requested, allowMissing: false, out var next))
                {
                    _sync[key] = stored;
                    return "version rejected";
                }

                if (valueChanged || next != storedVersion)
                {
                    twin = WithSide(twin, actual, new TwinValue(value.Value, Stamp(value)), next);
                }
            }

            var optional = stored.Optional != false && request.Optional == false ? false : stored.Optional ?? true;
            var metadata = type == stored.Type && !stored.IsDeleted && stored.Metadata is not null ? stored.Metadata : new TypeMetadata(type);
            twin = twin with { Optional = optional, Metadata = metadata };
            if (twin == stored)
            {
                return null;
            }

            _updated.Add(key);
            Record(key, stored, twin);
            return null;
        }

        private void Record(string key, MsgTwin? last, MsgTwin twin)
        {
            _twins[key] = twin;
            _result[key] = twin.WithoutVersions();
            _document[key] = new TwinDoc(last?.IsDeleted == false ? last.WithoutVersions() : null, twin.WithoutVersions());
            if (IsRest)
            {
                _sync[key] = twin;
            }
        }

        private ValueMetadata Stamp(TwinValue value) =>
            !IsRest && value.Metadata is { } metadata ? metadata : new ValueMetadata(nowMs);

        private bool TryNextVersion(TwinVersion stored, TwinVersion? requested, bool allowMissing, out TwinVersion next)
        {
            next = stored;
            if (IsRest)
            {
                next = stored with { Edge = stored.Edge + 1 };
                return true;
            }

            if (requested is null)
            {
                return allowMissing;
            }

            if (stored.Cloud > requested.Cloud || stored.Edge > requested.Edge)
            {
                return false;
            }

            next = requested;
            return true;
        }
    }
}
