using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>
/// The one carrier of a refused form's messages: each localized message tied to the field it is
/// about (the input's name), or to no field (""). Services fill it, views read it; ModelState is
/// only read once, by <see cref="From(ModelStateDictionary)"/>, where data annotations checked a form.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Count;

    public IReadOnlyList<(string Field, string Message)> All => _errors;

    /// <summary>Every message, in the order they were added.</summary>
    public IEnumerable<string> Messages => _errors.Select(e => e.Message);

    public FormErrors Add(string field, string message)
    {
        _errors.Add((field, message));
        return this;
    }

    /// <summary>A message about the form as a whole.</summary>
    public FormErrors AddGeneral(string message) => Add(string.Empty, message);

    /// <summary>The first message about <paramref name="field"/> (compared ignoring case), or null.</summary>
    public string? For(string field) =>
        _errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)).Message;

    public bool Has(string field) => For(field) is not null;

    public static FormErrors Of(string field, string message) => new FormErrors().Add(field, message);

    public static FormErrors General(string message) => new FormErrors().AddGeneral(message);

    /// <summary>The messages data annotations left in ModelState, keyed by field ("Documents[0]" counts as "Documents").</summary>
    public static FormErrors From(ModelStateDictionary modelState)
    {
        var errors = new FormErrors();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                errors.Add(key, error.ErrorMessage);
            }
        }

        return errors;
    }
}
