var settings = {
  "url": "{{authPath}}/{{envID}}/as/introspect",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Basic JTdCJTdCYXBwSUQlN0QlN0Q6JTdCJTdCYXBwU2VjcmV0JTdEJTdE",
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "token": "{{accessToken}}",
    "token_type_hint": "access_token"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
