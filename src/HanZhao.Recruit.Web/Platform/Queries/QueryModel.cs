using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace HanZhao.Recruit.Web.Platform.Queries;

/// <summary>
/// The one way a page reads its query string (and a form's list of ids): a type that says how to
/// read itself from a <see cref="QueryReader"/>. An action takes it as a parameter
/// (<c>Index(DashboardQuery query)</c>) and <see cref="QueryModelBinder{T}"/> fills it. Reading never
/// fails: a value that cannot be used is dropped and recorded as a <see cref="QueryProblem"/>, so the
/// page still answers 200 and says what it ignored.
/// </summary>
public interface IQueryModel<TSelf>
    where TSelf : IQueryModel<TSelf>
{
    static abstract TSelf Read(QueryReader query);
}

/// <summary>Binds every parameter whose type implements <see cref="IQueryModel{TSelf}"/>.</summary>
public sealed class QueryModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryModel<>))
            ? (IModelBinder)Activator.CreateInstance(typeof(QueryModelBinder<>).MakeGenericType(context.Metadata.ModelType))!
            : null;
}

/// <summary>
/// Reads the query string, and a posted form's fields after it (not with <c>[FromQuery]</c>), into
/// <typeparamref name="T"/>. Not route values: those hold "action" and "controller", which would
/// shadow filters of that name.
/// </summary>
public sealed class QueryModelBinder<T> : IModelBinder
    where T : IQueryModel<T>
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var request = bindingContext.HttpContext.Request;
        var form = request.HasFormContentType && bindingContext.BindingSource != BindingSource.Query
            ? await request.ReadFormAsync(bindingContext.HttpContext.RequestAborted)
            : null;
        bindingContext.Result = ModelBindingResult.Success(T.Read(new QueryReader(key =>
            request.Query.TryGetValue(key, out var query) ? query : form?.TryGetValue(key, out var posted) == true ? posted : StringValues.Empty)));
    }
}

/// <summary>Reads a query string that arrived as text (a "back to the list" value in a form).</summary>
public static class QueryText
{
    public static T Read<T>(string? queryString)
        where T : IQueryModel<T>
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString);
        return T.Read(new QueryReader(key => parsed.TryGetValue(key, out var value) ? value : StringValues.Empty));
    }
}
