using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>
/// Binds every enum that an action takes from a route, query or form (a template's {status}, a posted
/// document kind or operation) the way query models read one (<see cref="QueryReader.NameOf{TEnum}"/>):
/// exactly one value, one of the enum's names, ignoring case. MVC's own binder also takes numbers ("1"
/// is Transcript) and flag combinations ("Cv, Other"); here they, unknown names and repeated values bind
/// nothing, so a nullable parameter is null (the action refuses it with 400) and a route value that
/// names nothing finds nothing (404).
/// </summary>
public sealed class EnumNameBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        var source = context.BindingInfo.BindingSource;
        return type.IsEnum && source != BindingSource.Body && source != BindingSource.Header && source != BindingSource.Services
            ? (IModelBinder)Activator.CreateInstance(typeof(EnumNameBinder<>).MakeGenericType(type))!
            : null;
    }
}

/// <summary>See <see cref="EnumNameBinderProvider"/>.</summary>
public sealed class EnumNameBinder<TEnum> : IModelBinder
    where TEnum : struct, Enum
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values.Length == 1 && QueryReader.NameOf<TEnum>(values.FirstValue ?? string.Empty) is { } value)
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }

        return Task.CompletedTask;
    }
}
