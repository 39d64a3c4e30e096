using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// Views live in their capability's folder: a controller in namespace
/// <c>HanZhao.Recruit.Web.Review.Decisions</c> finds <c>View("Status")</c> at
/// <c>/Review/Decisions/Views/Status.cshtml</c>, then in its parents' Views folders (a part of a
/// capability shares its parent's partials: <c>/Review/Views</c>), then in <c>/Views/Shared</c> (the
/// layout and the partials every capability uses). Razor's own extension point, nothing else changes.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string RootNamespace = "HanZhao.Recruit.Web";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        // The value takes part in Razor's cache key for view lookups, so two controllers with the
        // same name in different folders never share a cached location.
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            context.Values[FeatureKey] = FolderOf(action.ControllerTypeInfo.Namespace);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(FeatureKey, out var folder) && folder is not null ? LocationsOf(folder) : viewLocations;

    /// <summary>"Settings/Content/Publications" → its own Views, then Settings/Content's, then Settings', then Views/Shared.</summary>
    public static IReadOnlyList<string> LocationsOf(string folder)
    {
        var locations = new List<string>();
        for (var current = folder; current.Length > 0; current = current.Contains('/', StringComparison.Ordinal) ? current[..current.LastIndexOf('/')] : "")
        {
            locations.Add($"/{current}/Views/{{0}}.cshtml");
        }

        locations.Add("/Views/Shared/{0}.cshtml");
        return locations;
    }

    /// <summary>"HanZhao.Recruit.Web.Review.Decisions" → "Review/Decisions".</summary>
    public static string? FolderOf(string? controllerNamespace) =>
        controllerNamespace is not null && controllerNamespace.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
            ? controllerNamespace[(RootNamespace.Length + 1)..].Replace('.', '/')
            : null;
}
