var settings = {
  "url": "{{authPath}}/{{envID}}/as/signoff?id_token_hint={{idToken}}&post_logout_redirect_uri=https%3A%2F%2Fexample.com%2Flogged-out%3Ffrom%3Dapp%26lang%3Den&state=xyz%20123",
  "method": "GET",
  "timeout": 0,
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
