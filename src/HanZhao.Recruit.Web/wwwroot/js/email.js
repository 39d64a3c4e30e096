// The professor's email is not in the page as an address (harvesters read pages for them): each
// .js-email holds its parts reversed, and this turns it into a mailto link. Without JavaScript the
// "name [at] domain" text stays, readable by a person.
(function () {
    'use strict';
    var reverse = function (text) { return text.split('').reverse().join(''); };
    document.querySelectorAll('.js-email[data-u][data-d]').forEach(function (element) {
        var address = reverse(element.getAttribute('data-u')) + '@' + reverse(element.getAttribute('data-d'));
        var link = document.createElement('a');
        link.href = 'mailto:' + address;
        link.className = element.className.replace('js-email', '').trim();
        while (element.firstChild) {
            link.appendChild(element.firstChild);
        }
        var text = link.querySelector('.email-text');
        if (text) {
            text.textContent = address;
        }
        element.replaceWith(link);
    });
})();
