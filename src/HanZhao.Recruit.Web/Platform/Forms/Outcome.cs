namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>What became of a change a user asked for.</summary>
public enum OutcomeKind
{
    /// <summary>Done and saved.</summary>
    Done,

    /// <summary>Refused with a message per field; nothing changed.</summary>
    Invalid,

    /// <summary>There is no such thing, or not for this user (never say which).</summary>
    NotFound,

    /// <summary>The user may see it but not do this.</summary>
    Forbidden,
}

/// <summary>
/// The one answer a service gives a controller: done, invalid (with <see cref="Errors"/>), not found
/// or forbidden. <see cref="Outcome{T}"/> carries what was done (the new row, a count).
/// </summary>
public sealed class Outcome
{
    private static readonly Outcome DoneOutcome = new(OutcomeKind.Done, new FormErrors());

    private Outcome(OutcomeKind kind, FormErrors errors) => (Kind, Errors) = (kind, errors);

    public OutcomeKind Kind { get; }

    public FormErrors Errors { get; }

    public bool IsDone => Kind == OutcomeKind.Done;

    public static Outcome Done() => DoneOutcome;

    public static Outcome<T> Done<T>(T value) => new(OutcomeKind.Done, value, new FormErrors());

    public static Outcome Invalid(FormErrors errors) => new(OutcomeKind.Invalid, errors);

    public static Outcome Invalid(string field, string message) => Invalid(FormErrors.Of(field, message));

    /// <summary>Refused, keeping a value the page shows again (the row as stored, say).</summary>
    public static Outcome<T> Invalid<T>(FormErrors errors, T value) => new(OutcomeKind.Invalid, value, errors);

    public static Outcome NotFound() => new(OutcomeKind.NotFound, new FormErrors());

    public static Outcome Forbidden() => new(OutcomeKind.Forbidden, new FormErrors());
}

/// <summary>An <see cref="Outcome"/> that carries a value when done (or, when refused, what the page needs to show again).</summary>
public sealed class Outcome<T>
{
    internal Outcome(OutcomeKind kind, T? value, FormErrors errors) => (Kind, Value, Errors) = (kind, value, errors);

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    public FormErrors Errors { get; }

    public bool IsDone => Kind == OutcomeKind.Done;

    /// <summary>Lets a service return <c>Outcome.NotFound()</c> or <c>Outcome.Invalid(...)</c> where an <c>Outcome&lt;T&gt;</c> is expected.</summary>
    public static implicit operator Outcome<T>(Outcome outcome) =>
        outcome.IsDone
            ? throw new InvalidOperationException("A done outcome of a change that has a value is made with Outcome.Done(value).")
            : new(outcome.Kind, default, outcome.Errors);
}
