var settings = {
  "url": "{{authPath}}/{{envID}}/as/token",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Basic JTdCJTdCYXBwSUQlN0QlN0Q6JTdCJTdCYXBwU2VjcmV0JTdEJTdE",
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "grant_type": "authorization_code",
    "code": "{{authCode}}",
    "redirect_uri": "{{redirect_uri}}"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
