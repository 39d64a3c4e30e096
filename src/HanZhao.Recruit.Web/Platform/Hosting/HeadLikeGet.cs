using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// Every action that answers GET answers HEAD too (link checkers and uptime monitors ask with HEAD),
/// so no controller has to remember it. The action runs as for GET; the server sends the status and
/// headers and drops the body. GET actions change nothing, so running one for HEAD is safe.
/// </summary>
public sealed class HeadLikeGet : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault() is not { } methods
                || !methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                || methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            string[] withHead = [.. methods.HttpMethods, HttpMethods.Head];
            // Both places a method is matched: MVC's action constraint and endpoint routing's metadata.
            selector.ActionConstraints.Remove(methods);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(withHead));
            foreach (var old in selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList())
            {
                selector.EndpointMetadata.Remove(old);
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(withHead));
        }
    }
}
