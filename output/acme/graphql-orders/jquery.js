var settings = {
  "url": "https://api.acme.example/graphql",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/json"
  },
  "data": '{"query":"query Orders($first: Int!, $status: OrderStatus) {\\n  orders(first: $first, status: $status) {\\n    edges { node { id total { amount currency } } }\\n  }\\n}\\n","variables":{"first":10,"status":"SHIPPED"}}'
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
