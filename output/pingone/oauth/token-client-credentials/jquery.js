var settings = {
  "url": "{{authPath}}/{{envID}}/as/token",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Basic JTdCJTdCYXBwSUQlN0QlN0Q6JTdCJTdCYXBwU2VjcmV0JTdEJTdE",
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "grant_type": "client_credentials",
    "scope": "p1:read:user p1:update:user"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
