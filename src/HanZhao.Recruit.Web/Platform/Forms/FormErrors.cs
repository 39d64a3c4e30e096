namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>Localized messages of a form, each tied to the field it is about (or to none).</summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public void Add(string field, string message) => _errors.Add((field, message));

    /// <summary>The first message about <paramref name="field"/>, or null.</summary>
    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field).Message;
}
